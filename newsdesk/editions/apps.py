from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "newsdesk.editions"
    label = "editions"

    def ready(self):
        from . import credits  # noqa: F401  (connects the translation-credit receiver)
