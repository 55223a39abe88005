"""The test suite: fast hashing, in-memory cache, media in a temporary folder, tasks run inline."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "newsdesk-tests-only"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The cache of base.py: local memory, or Redis when REDIS_URL names one (the PostgreSQL run
# in CI); each test starts by clearing it, so give each concurrent run its own Redis database.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="newsdesk-test-media-"))  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILEMBEDS_FINDERS = []
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
NEWSDESK_SERVE_MEDIA = True
