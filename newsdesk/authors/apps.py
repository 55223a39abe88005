from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "newsdesk.authors"
    label = "authors"
