"""Readers' page views read from the read replica; the newsroom, every POST, signed-in users
and all work outside a request read the primary; writes always go to the primary.

On any database, a ``replica`` alias is added for a test on the test database's own
connection, so that each query shows which alias it went through. With PostgreSQL on
127.0.0.1:5432, the last test serves from two real databases that hold different versions
of a story, and shows who sees which."""

import json
import os
import subprocess
import sys
from collections import Counter
from contextlib import ExitStack, contextmanager
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connections, router
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from newsdesk.articles.models import ArticlePage
from newsdesk.ops.routers import PRIMARY, REPLICA, ReplicaRoutingMiddleware

from .conftest import ON_POSTGRESQL
from .factories import ArticleFactory, SectionFactory

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def replica(db):
    """A ``replica`` database alias for this test that runs its queries on the test
    database's own connection, inside the test's transaction: it sees the test's rows, and
    each query still says which alias it went through. (A TEST MIRROR alias would open a
    second connection, which cannot see the rows of a transaction that is never committed.)
    """
    primary = connections[PRIMARY]
    primary.ensure_connection()
    connections.settings[REPLICA] = {**primary.settings_dict}
    alias = connections.create_connection(REPLICA)
    # Borrow the primary's open connection. The alias never connected itself, so it takes
    # itself for being inside a transaction already: it never commits nor switches
    # autocommit on the borrowed connection.
    alias.connection = primary.connection
    connections[REPLICA] = alias
    yield alias
    alias.connection = None
    del connections[REPLICA]
    del connections.settings[REPLICA]


@contextmanager
def statements():
    """Counts the statements each database alias runs, as ``(alias, "SELECT")`` etc."""
    counts = Counter()

    def counting(alias):
        def wrapper(execute, sql, params, many, context):
            counts[alias, sql.lstrip().split(None, 1)[0].upper()] += 1
            return execute(sql, params, many, context)

        return wrapper

    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(counting(alias)))
        yield counts


def reads(counts, alias):
    return counts[alias, "SELECT"]


@pytest.fixture
def story(homes):
    section = SectionFactory(parent=homes["fr"], title="Hanoï", slug="hanoi")
    return ArticleFactory(section=section, title="Hanoï rouvre le pont Long Biên")


@pytest.fixture
def chief(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")


def test_a_readers_page_view_reads_only_from_the_replica(client, replica, story):
    url = story.get_url()
    with statements() as counts:
        response = client.get(url)
    assert response.status_code == 200
    assert "Hanoï rouvre le pont Long Biên" in response.text
    assert reads(counts, REPLICA) > 0
    assert reads(counts, PRIMARY) == 0
    # What the view writes (the lead image's renditions, made on first view) goes to the
    # primary; the replica is only read.
    assert {kind for alias, kind in counts if alias == REPLICA} == {"SELECT"}
    assert counts[PRIMARY, "INSERT"] > 0


def test_the_newsroom_reads_the_primary(client, replica, chief, story):
    with statements() as counts:
        assert client.get(reverse("wagtailadmin_login")).status_code == 200
    assert reads(counts, PRIMARY) > 0
    assert reads(counts, REPLICA) == 0

    client.force_login(chief)
    with statements() as counts:
        response = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert response.status_code == 200
    assert reads(counts, PRIMARY) > 0
    assert reads(counts, REPLICA) == 0


def test_a_post_reads_the_primary_even_on_a_readers_page(client, replica, story):
    url = story.get_url()
    with statements() as counts:
        assert client.post(url).status_code == 200
    assert reads(counts, PRIMARY) > 0
    assert reads(counts, REPLICA) == 0


def test_a_signed_in_user_reads_the_primary_on_readers_pages(client, replica, chief, story):
    client.force_login(chief)
    url = story.get_url()
    with statements() as counts:
        response = client.get(url)
    assert response.status_code == 200
    assert reads(counts, PRIMARY) > 0
    assert reads(counts, REPLICA) == 0


def test_commands_and_other_work_outside_a_request_read_the_primary(replica, story):
    with statements() as counts:
        call_command("configure_site", stdout=StringIO())
        assert ArticlePage.objects.live().count() == 1
    assert reads(counts, PRIMARY) > 0
    assert reads(counts, REPLICA) == 0


def test_without_a_replica_readers_read_the_primary(client, story):
    assert REPLICA not in connections.settings
    url = story.get_url()
    with statements() as counts:
        assert client.get(url).status_code == 200
    assert reads(counts, PRIMARY) > 0


def routed_read(method, path, **cookies):
    """Where a read made while serving this request goes."""
    request = RequestFactory().generic(method, path)
    request.COOKIES.update(cookies)
    seen = []

    def view(request):
        seen.append(router.db_for_read(ArticlePage))
        return HttpResponse()

    ReplicaRoutingMiddleware(view)(request)
    return seen[0]


@pytest.mark.parametrize(
    ("method", "path", "cookies", "alias"),
    [
        ("GET", "/fr/hanoi/", {}, REPLICA),
        ("HEAD", "/fr/hanoi/", {}, REPLICA),
        ("GET", "/", {}, REPLICA),
        ("GET", "/fr/search/", {"csrftoken": "x"}, REPLICA),
        ("GET", "/api/v2/pages/", {}, REPLICA),
        ("GET", "/sitemap.xml", {}, REPLICA),
        ("GET", "/fr/hanoi/", {"sessionid": "x"}, PRIMARY),
        ("POST", "/fr/hanoi/", {}, PRIMARY),
        ("PUT", "/api/v2/pages/", {}, PRIMARY),
        ("OPTIONS", "/fr/", {}, PRIMARY),
        ("GET", "/admin/", {}, PRIMARY),
        ("GET", "/admin", {}, PRIMARY),
        ("GET", "/admin/login/", {}, PRIMARY),
        ("GET", "/preview/abc123/", {}, PRIMARY),
        ("GET", "/api/ingest/sources/1/", {}, PRIMARY),
        ("GET", "/documents/1/rapport.pdf", {}, PRIMARY),
        ("GET", "/readyz", {}, PRIMARY),
    ],
)
def test_which_requests_read_from_the_replica(replica, method, path, cookies, alias):
    assert routed_read(method, path, **cookies) == alias


def test_the_mark_ends_with_the_response_and_with_an_exception(replica):
    assert routed_read("GET", "/fr/") == REPLICA
    assert router.db_for_read(ArticlePage) == PRIMARY

    seen = []

    def failing_view(request):
        seen.append(router.db_for_read(ArticlePage))
        raise RuntimeError("the view failed")

    with pytest.raises(RuntimeError):
        ReplicaRoutingMiddleware(failing_view)(RequestFactory().get("/fr/"))
    assert seen == [REPLICA]
    assert router.db_for_read(ArticlePage) == PRIMARY


def test_objects_from_the_primary_follow_their_relations_on_the_primary(replica, story):
    """A row written during a reader's request may not have reached the replica yet: an
    object that came from the primary reads what it points to from the primary."""
    counts = {}

    def view(request):
        from_replica = ArticlePage.objects.get(pk=story.pk)
        from_primary = ArticlePage.objects.using(PRIMARY).get(pk=story.pk)
        for name, page in (("replica", from_replica), ("primary", from_primary)):
            with statements() as counts[name]:
                assert page.locale.language_code == "fr"
        return HttpResponse()

    ReplicaRoutingMiddleware(view)(RequestFactory().get("/fr/"))
    assert reads(counts["replica"], REPLICA) == 1
    assert reads(counts["replica"], PRIMARY) == 0
    assert reads(counts["primary"], PRIMARY) == 1
    assert reads(counts["primary"], REPLICA) == 0


# The proof with two real PostgreSQL databases --------------------------------------------

POSTGRES = "postgresql://postgres@127.0.0.1:5432/"
PRIMARY_TITLE = "Hanoï rouvre le pont Long Biên"
REPLICA_TITLE = "Hanoï rouvre le pont Long Biên aux piétons"
DRAFT_TITLE = "Hanoï rouvre le pont Long Biên le 2 septembre"

# Migrates the primary and files one published story, a section and a superuser in it.
PREPARE = """
import json, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
from newsdesk.editions.models import HomePage
from tests.factories import ArticleFactory, SectionFactory

call_command("migrate", verbosity=0)
get_user_model().objects.create_superuser("chief", "chief@example.com", "chief-password")
home = HomePage.objects.get(locale__language_code="fr")
section = SectionFactory(parent=home, title="Hanoï", slug="hanoi")
story = ArticleFactory(section=section, title=sys.argv[1], slug="pont-long-bien")
print(json.dumps({"id": story.pk, "url": story.get_url()}))
"""

# Serves the story to a reader and to a signed-in editor, opens it in the editor and saves
# a draft with a new title; prints what each saw.
SERVE = """
import json, sys
import django
django.setup()
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse
from newsdesk.articles.models import ArticlePage
from tests.factories import article_form

assert "replica" in settings.DATABASES, "DATABASE_REPLICA_URL did not add a replica database"
page_id, url, draft_title = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def shown(response, selector):
    # The element's text (or value), or the status of a response that is not a page.
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    element = BeautifulSoup(response.content, "html.parser").select_one(selector)
    return element.get("value") or element.get_text(strip=True)

headline = "h1"
seen = {"reader": shown(Client().get(url), headline)}
editor = Client()
assert editor.login(username="chief", password="chief-password")
seen["editor on the public page"] = shown(editor.get(url), headline)
edit_url = reverse("wagtailadmin_pages:edit", args=(page_id,))
seen["editor in the admin"] = shown(editor.get(edit_url), "input[name=title]")
story = ArticlePage.objects.get(pk=page_id)
response = editor.post(edit_url, article_form(story, title=draft_title))
seen["draft saved, back to"] = response.get("Location", f"HTTP {response.status_code}")
seen["reader after the draft"] = shown(Client().get(url), headline)
print(json.dumps(seen))
"""


@pytest.fixture
def postgres():
    """A connection to the PostgreSQL server on 127.0.0.1:5432, or a skip saying why not."""
    if not ON_POSTGRESQL:
        pytest.skip("the two-database proof runs in the PostgreSQL run (make test-postgres)")
    try:
        connection = psycopg.connect(POSTGRES + "postgres", autocommit=True, connect_timeout=3)
    except psycopg.Error as error:
        pytest.skip(f"PostgreSQL does not answer on 127.0.0.1:5432: {error}".strip())
    with connection:
        yield connection


@pytest.fixture
def two_databases(postgres):
    """The names of a primary and a replica database, dropped afterwards, pass or fail."""
    names = (f"newsdesk_rr_primary_{os.getpid()}", f"newsdesk_rr_replica_{os.getpid()}")
    for name in names:
        postgres.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    try:
        yield names
    finally:
        for name in names:
            postgres.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_django(script, *args, env):
    """Runs ``script`` in a fresh Python with ``env``; returns the
    JSON object it prints last."""
    completed = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_readers_see_the_replica_and_the_newsroom_the_primary(postgres, two_databases, tmp_path):
    primary, replica = two_databases
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_REPLICA_URL", "REDIS_URL"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.dev",
        "PYTHONPATH": str(ROOT),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_URL": POSTGRES + primary,
    }
    postgres.execute(f'CREATE DATABASE "{primary}"')
    story = run_django(PREPARE, PRIMARY_TITLE, env=env)

    # The replica: a copy of the primary, in which the story's headline then changes (its
    # live version and its revisions, which the editor shows).
    postgres.execute(f'CREATE DATABASE "{replica}" TEMPLATE "{primary}"')
    with psycopg.connect(POSTGRES + replica, autocommit=True) as copy:
        copy.execute(
            "UPDATE wagtailcore_page SET title = %(title)s, draft_title = %(title)s "
            "WHERE id = %(id)s",
            {"title": REPLICA_TITLE, "id": story["id"]},
        )
        updated = copy.execute(
            "UPDATE wagtailcore_revision SET content = jsonb_set(content, '{title}', "
            "to_jsonb(%(title)s::text)) WHERE id IN (SELECT latest_revision_id FROM "
            "wagtailcore_page WHERE id = %(id)s UNION SELECT live_revision_id FROM "
            "wagtailcore_page WHERE id = %(id)s)",
            {"title": REPLICA_TITLE, "id": story["id"]},
        ).rowcount
        assert updated == 1

    seen = run_django(
        SERVE,
        story["id"],
        story["url"],
        DRAFT_TITLE,
        env=env | {"DATABASE_REPLICA_URL": POSTGRES + replica},
    )
    assert seen == {
        "reader": REPLICA_TITLE,
        "editor on the public page": PRIMARY_TITLE,
        "editor in the admin": PRIMARY_TITLE,
        "draft saved, back to": f"/admin/pages/{story['id']}/edit/",
        "reader after the draft": REPLICA_TITLE,
    }

    def draft_title(database):
        with psycopg.connect(POSTGRES + database) as connection:
            query = "SELECT draft_title FROM wagtailcore_page WHERE id = %s"
            return connection.execute(query, [story["id"]]).fetchone()[0]

    assert draft_title(primary) == DRAFT_TITLE
    assert draft_title(replica) == REPLICA_TITLE
