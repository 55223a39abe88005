"""Liveness and readiness, and what readers get when a service behind Newsdesk fails:
Redis away → pages still served (uncached), /readyz says degraded; the database away → a
friendly 503 with Retry-After, /readyz names the database, /healthz still answers."""

import json
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.migration import Migration

from newsdesk.ops import views as ops_views

from .factories import ArticleFactory, SectionFactory
from .processes import production_env

ROOT = Path(__file__).resolve().parents[1]
NOBODY_LISTENS = "127.0.0.1:9"  # the discard port: connection refused at once


@pytest.fixture
def story(homes):
    return ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Monde"))


def test_healthz_answers_without_the_database(client):
    # No database access is allowed in this test: a query would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_reports_every_check(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "migrations", "cache", "storage"}
    assert all(check["ok"] for check in body["checks"].values())
    assert response["Cache-Control"].startswith("max-age=0")


def test_pending_migrations_make_the_process_unready(client, db, monkeypatch):
    monkeypatch.setattr(ops_views, "_migrated", False)
    pending = [(Migration("0099_new_column", "articles"), False)]
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=pending):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["migrations"]
    assert "articles.0099_new_column" in body["checks"]["migrations"]["error"]


def test_a_media_folder_that_cannot_be_written_makes_the_process_unready(
    client, db, settings, tmp_path
):
    in_the_way = tmp_path / "media"
    in_the_way.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = in_the_way / "uploads"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
    assert "cannot be written to" in response.json()["checks"]["storage"]["error"]


def test_with_redis_away_pages_are_served_and_readyz_says_degraded(client, story, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsdesk.ops.cache.ResilientRedisCache",
            "LOCATION": f"redis://{NOBODY_LISTENS}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    assert client.get("/fr/").status_code == 200
    page = client.get(story.url)
    assert page.status_code == 200
    assert story.title in page.content.decode()
    ready = client.get("/readyz")
    assert ready.status_code == 200  # still taking readers, only without a cache
    assert ready.json()["status"] == "degraded"
    assert ready.json()["failed"] == ["cache"]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Production's static files (hashed names and their manifest), as a release collects
    them: the error pages link to the stylesheet."""
    folder = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=production_env("sqlite:///:memory:", STATIC_ROOT=str(folder), LOG_LEVEL="CRITICAL"),
        check=True,
        capture_output=True,
    )
    return folder


def requests_without_database(url: str, static_root) -> dict:
    """Newsdesk with production settings whose database refuses connections, asked for the
    given paths through Django's test client, in a process of its own."""
    code = """
import json, django
django.setup()
from django.test import Client
client = Client(SERVER_NAME="news.example.com", raise_request_exception=False)
out = {}
for path in ("/healthz", "/readyz", "/fr/", "/en/some-section/"):
    r = client.get(path)
    out[path] = {"status": r.status_code, "retry": r.get("Retry-After"),
                  "body": r.content.decode()}
print(json.dumps(out))
"""
    env = production_env(url, STATIC_ROOT=str(static_root), LOG_LEVEL="CRITICAL")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("sqlite:////nonexistent-folder/newsdesk.sqlite3", id="sqlite"),
        pytest.param(f"postgres://newsdesk@{NOBODY_LISTENS}/newsdesk", id="postgresql"),
    ],
)
def test_with_the_database_away_readers_get_a_friendly_503(url, static_root):
    answers = requests_without_database(url, static_root)
    assert answers["/healthz"]["status"] == 200
    ready = json.loads(answers["/readyz"]["body"])
    assert answers["/readyz"]["status"] == 503
    assert "database" in ready["failed"]
    assert ready["status"] == "unavailable"
    for path in ("/fr/", "/en/some-section/"):
        assert answers[path]["status"] == 503
        assert answers[path]["retry"] == "60"
    assert "Nothing has been lost" in answers["/en/some-section/"]["body"]
    assert 'lang="en"' in answers["/en/some-section/"]["body"]
