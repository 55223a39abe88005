from django.apps import AppConfig


class SectionsConfig(AppConfig):
    name = "newsdesk.sections"
    label = "sections"
