"""`make prod` on this machine: gunicorn, the task worker and the scheduler against
PostgreSQL and Redis. An editor signs in and publishes a story through the admin over
HTTP; readers get it from gunicorn, the worker indexes it for search; `make stop` stops
every process."""

import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
import redis

from .conftest import ON_POSTGRESQL
from .factories import article_form

ROOT = Path(__file__).resolve().parents[1]
PG = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/14"
HEADLINE = "Hội An ferme ses ruelles aux voitures électriques"


def answers(check) -> bool:
    try:
        check()
    except Exception:  # noqa: BLE001 — any failure means: not available here
        return False
    return True


pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRESQL, reason="it runs in the suite's PostgreSQL run (make test-postgres)"
    ),
    pytest.mark.skipif(
        not answers(lambda: psycopg.connect(f"{PG}/postgres", connect_timeout=2).close()),
        reason="PostgreSQL does not answer on 127.0.0.1:5432",
    ),
    pytest.mark.skipif(
        not answers(lambda: redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping()),
        reason="Redis does not answer on 127.0.0.1:6379",
    ),
    pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Just enough of a browser: cookies, forms with their CSRF token, no redirects taken
    silently."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str]:
        return self.open(self.base + path)[:2]

    def open(self, url: str, data: dict | None = None, referer: str = "") -> tuple[int, str, str]:
        """Status, body and the address it ended on (after redirects)."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": referer or url})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(), response.geturl()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), url

    def submit(self, path: str, data: dict) -> tuple[int, str]:
        """Open the form at ``path`` (following where it redirects) and send it, with its
        CSRF token, as the browser would. Returns the status and the address it ended on."""
        status, page, form_url = self.open(self.base + path)
        assert status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, body, landed = self.open(
            form_url, {**data, "csrfmiddlewaretoken": token}, referer=form_url
        )
        return status, landed if status < 400 else body[:2000]


@pytest.fixture
def stack(tmp_path):
    port = free_port()
    database = f"newsdesk_stack_{os.getpid()}"
    env = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": f"{PG}/{database}",
        "REDIS_URL": REDIS,
        "NEWSDESK_VAR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "NEWSDESK_ADMIN_PASSWORD": "chief-editor-password",
        "GUNICORN_WORKERS": "2",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started = subprocess.run(
        ["make", "--no-print-directory", "prod"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        yield SimpleNamespace(
            base=f"http://127.0.0.1:{port}", env=env, output=started.stdout, var=tmp_path / "var"
        )
    finally:
        stopped = subprocess.run(
            ["make", "--no-print-directory", "stop"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    assert stopped.returncode == 0, stopped.stderr
    for name in ("web", "worker", "scheduler"):
        assert f"Stopped {name}" in stopped.stdout
    assert not list((tmp_path / "var" / "run").glob("*.pid"))


def newsroom(env: dict) -> dict:
    """A section, a byline and a photo in the stack's database (as the demo would)."""
    code = (
        "import json\n"
        "from newsdesk.editions.models import HomePage\n"
        "from tests.factories import AuthorFactory, ImageFactory, SectionFactory\n"
        "home = HomePage.objects.get(locale__language_code='fr')\n"
        "section = SectionFactory(parent=home, title='Régions', slug='regions')\n"
        "print(json.dumps({'section': section.pk, 'author': AuthorFactory(name='Lan Anh').pk,"
        " 'image': ImageFactory().pk}))\n"
    )
    shell_env = {**env, "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production"}
    for line in Path(env["NEWSDESK_VAR"], "env").read_text().splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        shell_env[name] = value.strip("'")
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=shell_env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_an_editor_publishes_through_the_admin_and_readers_get_it(stack):
    assert f"Newsdesk is serving on {stack.base}/" in stack.output
    made = newsroom(stack.env)
    editor = Browser(stack.base)
    status, landed = editor.submit(
        "/admin/login/", {"username": "admin", "password": "chief-editor-password"}
    )
    assert status == 200 and landed == f"{stack.base}/admin/"

    status, landed = editor.submit(
        f"/admin/articles/new-in-section/{made['section']}/",
        article_form(
            title=HEADLINE,
            slug="hoi-an-ruelles",
            lede="La vieille ville réserve ses ruelles aux piétons et aux vélos.",
            body="<p>Les voiturettes électriques des hôtels devront rester aux portes.</p>",
            lead_image=made["image"],
            author=SimpleNamespace(pk=made["author"]),
            action="action-publish",
        ),
    )
    assert status == 200, landed

    reader = Browser(stack.base)
    status, section = reader.get("/fr/regions/")
    assert status == 200
    link = re.search(r'href="(/fr/regions/[^"]*hoi-an-ruelles/)"', section).group(1)
    status, story = reader.get(link)
    assert status == 200
    assert HEADLINE in story

    # The worker indexes the story in the background: search finds it within seconds.
    deadline = time.monotonic() + 60
    while "hoi-an-ruelles" not in reader.get("/fr/search/?q=ruelles")[1]:
        assert time.monotonic() < deadline, "the worker did not index the story in 60 s"
        time.sleep(0.5)

    status, ready = reader.get("/readyz")
    assert status == 200 and '"status": "ok"' in ready
