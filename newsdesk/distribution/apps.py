from django.apps import AppConfig


class DistributionConfig(AppConfig):
    name = "newsdesk.distribution"
    label = "distribution"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
