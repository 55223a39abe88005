from django.apps import AppConfig


class DistributionConfig(AppConfig):
    name = "newsdesk.distribution"
    label = "distribution"
