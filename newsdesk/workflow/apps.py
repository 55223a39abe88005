from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "newsdesk.workflow"
    label = "workflow"
    verbose_name = "Newsroom workflow"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
