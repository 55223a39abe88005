"""Newsdesk in processes of its own with the production settings, as an operator runs it."""

import os


def production_env(database_url: str, **extra: str) -> dict:
    """The environment of a production process on this machine: plain HTTP, a test secret,
    the given database, and ``extra`` on top."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": "a-long-enough-secret-for-this-test-only-0123456789",
        "ALLOWED_HOSTS": "news.example.com",
        "NEWSDESK_HTTPS": "false",
        "DATABASE_URL": database_url,
        **extra,
    }
