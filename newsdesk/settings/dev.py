"""A laptop: debug on, a fixed development secret, every local host allowed."""

from newsdesk.lib.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "newsdesk-development-only-not-secret")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
NEWSDESK_SERVE_MEDIA = env_bool("NEWSDESK_SERVE_MEDIA", True)
# No worker runs beside `make run`: background tasks (search index, references) run inline.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
