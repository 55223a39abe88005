"""Production settings come from the environment: the documented environment passes
`check --deploy` without a word, and a missing or bad value stops the start with its name."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The production environment the README documents (with stand-in values).
DOCUMENTED = {
    "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
    "SECRET_KEY": "x7Hq2m9Lr4Tz8Vb1Nc6Kp3Wd5Yf0Gs2Jh7Qa9Eu4Io1Pl6Zx3Cv8Bn5Mk2Lj9Hg4Fd",
    "ALLOWED_HOSTS": "news.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.com",
    "NEWSDESK_BASE_URL": "https://news.example.com",
    "DATABASE_URL": "postgres://newsdesk:secret@db.example.com:5432/newsdesk",
    "REDIS_URL": "redis://cache.example.com:6379/0",
    "EMAIL_URL": "smtp+tls://newsdesk:secret@mail.example.com:587",
    "NEWSDESK_METRICS_TOKEN": "0123456789abcdef0123456789abcdef0123456789abcdef",
}


def run(code: str, **env) -> subprocess.CompletedProcess:
    """Python with Newsdesk's production settings and only the given environment."""
    environment = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def manage(*args, **env) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def settings_of(*names, **env) -> dict:
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    result = run(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_documented_environment_passes_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **DOCUMENTED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_names_what_a_newsroom_would_miss():
    environment = {**DOCUMENTED, "NEWSDESK_BASE_URL": "http://127.0.0.1:8000"}
    del environment["EMAIL_URL"], environment["REDIS_URL"]
    result = manage("check", "--deploy", **environment)
    assert "newsdesk.W001" in result.stderr  # no shared cache
    assert "newsdesk.W002" in result.stderr  # mail only logged
    assert "newsdesk.W003" in result.stderr  # links would point at the laptop


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "The environment variable SECRET_KEY is required."),
        ("ALLOWED_HOSTS", "The environment variable ALLOWED_HOSTS is required"),
    ],
)
def test_a_missing_secret_or_host_stops_the_start(missing, message):
    environment = {k: v for k, v in DOCUMENTED.items() if k != missing}
    result = manage("check", **environment)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr.splitlines()[-1]


def test_a_bad_value_is_named():
    result = manage("check", **{**DOCUMENTED, "LOG_FORMAT": "xml"})
    assert result.returncode != 0
    assert "LOG_FORMAT must be one of text, json, not 'xml'" in result.stderr


def test_cookies_are_secure_and_hsts_is_on_unless_https_is_off():
    secure = settings_of(
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        **DOCUMENTED,
    )
    assert secure == {
        "SESSION_COOKIE_SECURE": "True",
        "CSRF_COOKIE_SECURE": "True",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_SSL_REDIRECT": "True",
    }
    plain = settings_of(
        "SESSION_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        **DOCUMENTED,
        NEWSDESK_HTTPS="false",
    )
    assert plain == {
        "SESSION_COOKIE_SECURE": "False",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_SSL_REDIRECT": "False",
    }


def test_mail_goes_through_the_server_email_url_names():
    mail = settings_of("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", **DOCUMENTED)
    assert mail == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.com",
        "EMAIL_PORT": "587",
        "EMAIL_USE_TLS": "True",
    }


def test_media_can_live_in_an_s3_compatible_bucket():
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import default_storage as s; s._setup(); "
        "print(type(s._wrapped).__name__, s.bucket_name, s.endpoint_url)"
    )
    result = run(
        code,
        **DOCUMENTED,
        NEWSDESK_MEDIA_S3_BUCKET="newsdesk-media",
        NEWSDESK_MEDIA_S3_ENDPOINT_URL="https://s3.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "newsdesk-media", "https://s3.example.com"]


def test_readers_pages_and_the_admin_each_carry_their_policy(client, homes, admin_client):
    public = client.get("/fr/")["Content-Security-Policy"]
    assert "script-src 'self';" in public + ";"
    assert "unsafe-inline" not in public
    admin = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "object-src 'none'" in admin
    assert "frame-ancestors 'self'" in admin
