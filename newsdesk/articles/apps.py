from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "newsdesk.articles"
    label = "articles"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
