from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "newsdesk.images"
    label = "images"
