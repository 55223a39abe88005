from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Newsdesk in production: health, metrics, logs, backups, database routing."""

    name = "newsdesk.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self):
        from . import checks  # noqa: F401 — registers the deployment checks
