"""`manage.py backup` and `manage.py restore`: the demo site, backed up and restored into a
fresh database and media folder, serves every public page byte for byte as the original
(SQLite always; PostgreSQL when it answers on 127.0.0.1:5432). Bad input is refused with a
message naming what is wrong, and leaves nothing half-written.

Each site runs in its own processes, as an operator runs them (`manage.py migrate`,
`configure_site`, `load_demo`, `backup`, `restore`), with its own DATABASE_URL and
MEDIA_ROOT. Pages are read by this file run as a script in the site's environment
(`python tests/test_backup_restore.py render OUT.json BODIES`): it follows every link of
the public site with Django's test client and writes {path: [status, sha256]}.

The demo sites are built once per run, the SQLite and the PostgreSQL one side by side.
"""

import hashlib
import html
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
POSTGRES = "postgres://postgres@127.0.0.1:5432"
EDITIONS = ("fr", "en", "vi")
# Paths a reader never sees (the newsroom, probes, secret previews) or that are not the site's
# own content (static files come from the code, not from the backup).
PRIVATE = ("/admin/", "/static/", "/preview/", "/api/", "/healthz", "/readyz", "/metrics")
MAX_PATHS = 3000
EMPTY_FEED_DATE = re.compile(rb"<(lastBuildDate|updated)>[^<]*</\1>")
CATEGORY = re.compile(rb"<category\b[^>]*/>|<category\b[^>]*>[^<]*</category>")
CATEGORIES = re.compile(rb"(?:<category\b[^>]*/>|<category\b[^>]*>[^<]*</category>)+")


# The page reader, run as a script in a site's environment.


def render_site(out: Path, bodies: Path) -> None:
    """Read every public page reachable from the edition homes, the sitemaps, robots.txt and
    the feeds; write {path: [status, sha256 of the body]} to ``out`` and each body under
    ``bodies`` (to compare by eye when two sites differ)."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
    import django

    django.setup()
    from django.test import Client

    client = Client(raise_request_exception=False)  # a 500 is a result, not a crash
    seeds = ["/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml"]
    for language in EDITIONS:
        seeds += [f"/{language}/", f"/{language}/feed/", f"/{language}/feed/atom/"]
        seeds += [f"/{language}/search/?q=Mekong"]
    seen, queue, results = set(seeds), list(seeds), {}
    bodies.mkdir(parents=True, exist_ok=True)
    while queue and len(results) < MAX_PATHS:
        path = queue.pop(0)
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        digest = hashlib.sha256(_comparable(response, body)).hexdigest()
        results[path] = [response.status_code, digest]
        (bodies / f"{len(results):04d}.body").write_bytes(path.encode() + b"\n" + body)
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif "image/" in response.get("Content-Type", ""):
            links = []
        else:
            links = _links(body.decode("utf-8", "replace"))
        for link in links:
            target = _local_path(path, link)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    out.write_text(json.dumps(results, indent=1, sort_keys=True))


def _comparable(response, body: bytes) -> bytes:
    """The body, less two things of feeds that differ between two readings of one database:

    - a feed without a single story dates itself at the moment it is read (Django's
      syndication framework: ``lastBuildDate`` / ``updated`` is "now" when no item has a
      date), so that date is left out;
    - an item's tags (its ``category`` elements) come from a query without ORDER BY
      (``distribution.feeds``: the ``tagged_items`` prefetch), in whatever order the database
      returns them; PostgreSQL returns them in another order once its plan changes, as it
      does in a freshly restored database. They are compared as a set.
    """
    kind = response.get("Content-Type", "")
    if "rss" not in kind and "atom" not in kind:
        return body
    if b"<item>" not in body and b"<entry>" not in body:
        body = EMPTY_FEED_DATE.sub(rb"<\1>(read time)</\1>", body)
    return CATEGORIES.sub(lambda run: b"".join(sorted(CATEGORY.findall(run[0]))), body)


def _links(text: str) -> list[str]:
    """Every address in an HTML page, a feed or a sitemap."""
    links = re.findall(r'(?:href|src|url)="([^"]+)"', text)
    links += re.findall(r"<(?:loc|link|image:loc|guid|id)>([^<]+)</", text)
    for srcset in re.findall(r'srcset="([^"]+)"', text):
        links += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    return [html.unescape(link.strip()) for link in links]


def _local_path(base: str, link: str) -> str | None:
    """``link`` as a path on this site (with its query), or None for other sites and the
    paths no reader sees."""
    parts = urlsplit(urljoin(f"http://testserver{base}", urldefrag(link)[0]))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    if parts.path.startswith(PRIVATE):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


if __name__ == "__main__":
    if sys.argv[1:2] != ["render"] or len(sys.argv) != 4:
        sys.exit(f"usage: {sys.argv[0]} render OUT.json BODIES-FOLDER")
    render_site(Path(sys.argv[2]), Path(sys.argv[3]))
    sys.exit(0)


# Sites in their own processes.

import pytest  # noqa: E402 — the script above runs without pytest-django's settings
from django.core.management import CommandError, call_command  # noqa: E402

from tests.conftest import ON_POSTGRESQL  # noqa: E402


@dataclass
class Site:
    """One Newsdesk site: its database, its media folder, and commands run against them."""

    name: str
    database_url: str
    media: Path
    timings: dict = field(default_factory=dict)

    @property
    def env(self) -> dict:
        # Each site keeps its cache in its own process: a Redis shared by both sites would
        # serve the original's pages to the restored one.
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DATABASE_REPLICA_URL", "REDIS_URL", "PYTEST_CURRENT_TEST")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="newsdesk.settings.dev",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media),
            NEWSDESK_BASE_URL="http://testserver",
            LOG_LEVEL="WARNING",
        )
        return env

    def manage(self, *args: str, ok: bool = True, env: dict | None = None):
        started = time.monotonic()
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=REPO,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            check=False,
        )
        self.timings[args[0]] = round(time.monotonic() - started, 1)
        if ok:
            assert result.returncode == 0, f"{self.name}: manage.py {args}:\n{result.stderr}"
        return result

    def render(self, folder: Path) -> dict:
        started = time.monotonic()
        out = folder / f"{self.name}.json"
        subprocess.run(
            [PYTHON, __file__, "render", str(out), str(folder / f"{self.name}-bodies")],
            cwd=REPO,
            env=self.env,
            check=True,
        )
        self.timings["render"] = round(time.monotonic() - started, 1)
        return json.loads(out.read_text())


@dataclass
class RoundTrip:
    source: Site
    restored: Site
    backup: Path
    backup_output: str
    restore_output: str
    before: dict
    after: dict
    bodies: Path


def sqlite_site(folder: Path, name: str) -> Site:
    return Site(name, f"sqlite:///{folder / name}.sqlite3", folder / f"{name}-media")


def round_trip(source: Site, restored: Site, folder: Path) -> RoundTrip:
    """The demo site, read, backed up, restored into ``restored`` and read again. The source
    is read before the backup, so its image renditions are in the backup and the restored
    site serves those files rather than making new ones."""
    source.manage("migrate", "-v0")
    source.manage("configure_site")
    source.manage("load_demo")
    before = source.render(folder)
    backup = folder / "backup"
    made = source.manage("backup", str(backup))
    done = restored.manage("restore", str(backup))
    after = restored.render(folder)
    return RoundTrip(source, restored, backup, made.stdout, done.stdout, before, after, folder)


class Postgres:
    """The local PostgreSQL server, for databases named newsdesk_bk_*, dropped at the end."""

    def __init__(self):
        import psycopg

        self.connection = psycopg.connect(
            f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3
        )
        self.created: list[str] = []

    def create(self, purpose: str) -> str:
        name = f"newsdesk_bk_{purpose}_{os.getpid()}"
        self.connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.connection.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return name

    def drop_all(self) -> None:
        for name in self.created:
            self.connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.connection.close()


@pytest.fixture(scope="module")
def postgres_server():
    """The local PostgreSQL server, or None when it does not answer."""
    try:
        server = Postgres()
    except Exception as error:  # psycopg's OperationalError, or no psycopg at all
        yield None, f"PostgreSQL does not answer on 127.0.0.1:5432 ({error})"
        return
    yield server, ""
    server.drop_all()


@pytest.fixture
def postgres(postgres_server) -> Postgres:
    server, reason = postgres_server
    if not ON_POSTGRESQL:
        pytest.skip("PostgreSQL round trips run in the suite's PostgreSQL run (make test-postgres)")
    if server is None:
        pytest.skip(reason)
    return server


@pytest.fixture(scope="module")
def round_trips(tmp_path_factory, postgres_server):
    """The SQLite and (when the server answers) PostgreSQL round trips, run side by side."""
    server, _ = postgres_server
    futures: dict[str, Future] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        if not ON_POSTGRESQL:
            folder = tmp_path_factory.mktemp("sqlite")
            futures["sqlite"] = pool.submit(
                round_trip, sqlite_site(folder, "source"), sqlite_site(folder, "restored"), folder
            )
        elif server is not None:
            folder = tmp_path_factory.mktemp("postgresql")
            source = Site("source", f"{POSTGRES}/{server.create('src')}", folder / "source-media")
            restored = Site(
                "restored", f"{POSTGRES}/{server.create('dst')}", folder / "restored-media"
            )
            futures["postgresql"] = pool.submit(round_trip, source, restored, folder)
        yield futures


@pytest.fixture(scope="module")
def sqlite_trip(round_trips) -> RoundTrip:
    if "sqlite" not in round_trips:
        pytest.skip("the SQLite round trip runs in the suite's SQLite run")
    return round_trips["sqlite"].result()


@pytest.fixture
def postgres_trip(postgres, round_trips) -> RoundTrip:
    return round_trips["postgresql"].result()


def assert_same_site(trip: RoundTrip) -> None:
    before, after = trip.before, trip.after
    assert set(before) == set(after), "the restored site has other links than the original"
    differ = sorted(path for path in before if before[path] != after[path])
    assert differ == [], f"pages differ after the restore (bodies in {trip.bodies}): {differ}"
    statuses = {status for status, _ in before.values()}
    assert statuses <= {200, 301, 302}, [p for p, (s, _) in before.items() if s >= 400]
    paths = set(before)
    # Every kind of public page was read: homes, sections, articles, authors, tags, feeds,
    # sitemaps, robots.txt and the image renditions the pages show.
    for language in EDITIONS:
        assert f"/{language}/" in paths
        assert any(p.startswith(f"/{language}/authors/") for p in paths)
        assert any(p.startswith(f"/{language}/tags/") for p in paths)
        assert any(p.startswith(f"/{language}/") and p.endswith("/feed/atom/") for p in paths)
    assert {"/robots.txt", "/sitemap.xml", "/news-sitemap.xml"} <= paths
    assert any(p.startswith("/sitemap-") for p in paths)
    assert sum(p.startswith("/media/images/") for p in paths) >= 12
    assert len(paths) > 300


def print_timings(trip: RoundTrip) -> None:
    size = sum(f.stat().st_size for f in trip.backup.rglob("*") if f.is_file())
    print(
        f"\nsource {trip.source.timings}, restored {trip.restored.timings}, "
        f"backup {size:,} bytes, {len(trip.after)} paths compared"
    )


# The round trips.


def test_a_restored_sqlite_site_serves_every_public_page_as_the_original(sqlite_trip):
    assert_same_site(sqlite_trip)
    assert re.fullmatch(
        r"Backed up to .*/backup: \d+ files \(sqlite database, \d+ media files\), [\d,]+ "
        r"bytes \([\d.]+ MiB\), in [\d.]+ s; \d+ pages \(\d+ live\), 12 images\.\n",
        sqlite_trip.backup_output,
    )
    assert re.fullmatch(
        r"Restored .*/backup into the sqlite database .*/restored\.sqlite3: \d+ media files, "
        r"[\d,]+ bytes \([\d.]+ MiB\), in [\d.]+ s; \d+ pages \(\d+ live\), 12 images\.\n",
        sqlite_trip.restore_output,
    )
    print_timings(sqlite_trip)


def test_the_backup_folder_holds_the_dump_the_media_and_a_manifest_of_them(sqlite_trip):
    folder = sqlite_trip.backup
    manifest = json.loads((folder / "manifest.json").read_text())
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert files == {entry["path"] for entry in manifest["files"]} | {"manifest.json"}
    for entry in manifest["files"]:
        content = (folder / entry["path"]).read_bytes()
        assert (len(content), hashlib.sha256(content).hexdigest()) == (
            entry["size"],
            entry["sha256"],
        )
    assert manifest["format"] == 1
    assert manifest["newsdesk_version"] not in ("", "unknown")
    assert manifest["created_at"].endswith("+00:00")
    assert manifest["database"] == {
        "vendor": "sqlite",
        "engine": "django.db.backends.sqlite3",
        "dump": "database.sqlite3",
    }
    assert manifest["migrations"]["wagtailcore"] >= "0094"
    assert set(manifest["migrations"]) >= {"articles", "editions", "images", "wagtailcore"}
    # The originals of the demo's 12 images, and the renditions the pages showed.
    media = [p for p in files if p.startswith("media/")]
    assert len([p for p in media if p.startswith("media/original_images/")]) == 12
    assert len([p for p in media if p.startswith("media/images/")]) >= 12
    assert manifest["counts"]["images"] == 12
    assert manifest["counts"]["pages"] >= manifest["counts"]["live_pages"] > 100
    # The dump is one self-contained SQLite file with the site in it.
    with sqlite3.connect(folder / "database.sqlite3") as dump:
        (pages,) = dump.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE depth > 1").fetchone()
    assert pages == manifest["counts"]["pages"]


# Bad input.


def fresh_sqlite_target(tmp_path: Path) -> Site:
    site = sqlite_site(tmp_path, "target")
    site.media.mkdir()
    return site


def tables(site: Site) -> list[str]:
    path = Path(site.database_url.removeprefix("sqlite:///"))
    if not path.exists():
        return []
    with sqlite3.connect(path) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM sqlite_master")]


def refused(result, *needles: str) -> None:
    """The command failed with an error message (no traceback) saying each of ``needles``."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith("CommandError: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr


def test_backup_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path):
    target = tmp_path / "backups" / "monday"
    target.mkdir(parents=True)
    (target / "notes.txt").write_text("last week's backup")
    with pytest.raises(CommandError, match=r"monday is not empty: back up into a new"):
        call_command("backup", str(target))
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert [p.name for p in target.parent.iterdir()] == ["monday"]  # no partial folder left
    with pytest.raises(CommandError, match=r"notes.txt is a file"):
        call_command("backup", str(target / "notes.txt"))
    with pytest.raises(CommandError, match=r"The folder .*/nowhere does not exist"):
        call_command("backup", str(tmp_path / "nowhere" / "backup"))


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    (tmp_path / "database.sqlite3").write_bytes(b"SQLite format 3\x00")
    with pytest.raises(CommandError, match=r"holds no manifest.json: it is not a Newsdesk backup"):
        call_command("restore", str(tmp_path))
    with pytest.raises(CommandError, match=r"missing is not a folder"):
        call_command("restore", str(tmp_path / "missing"))
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(CommandError, match=r"manifest.json is not valid JSON"):
        call_command("restore", str(tmp_path))


def test_a_manifest_cannot_make_restore_write_outside_the_media_storage(tmp_path, sqlite_trip):
    backup = tmp_path / "backup"
    shutil.copytree(sqlite_trip.backup, backup)
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["files"][1]["path"] = "media/../../../etc/cron.d/newsdesk"
    (backup / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match=r"etc/cron.d/newsdesk' is not a relative path under"):
        call_command("restore", str(backup))


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("media file changed", "media/original_images/boat-race.jpg differs"),
        ("media file missing", "media/original_images/boat-race.jpg is missing"),
        ("dump changed", "database.sqlite3 differs"),
    ],
)
def test_restore_refuses_a_damaged_backup_and_touches_nothing(
    tmp_path, settings, sqlite_trip, damage, named
):
    """Checked before the database is even opened: this test has no database access at all
    (pytest-django would turn any query into an error), and the media folder stays empty."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    backup = tmp_path / "backup"
    shutil.copytree(sqlite_trip.backup, backup)
    if damage == "media file changed":
        with open(backup / "media/original_images/boat-race.jpg", "r+b") as image:
            image.seek(2000)
            image.write(b"\x00\x01\x02")  # same size, other bytes
    elif damage == "media file missing":
        (backup / "media/original_images/boat-race.jpg").unlink()
    else:
        with open(backup / "database.sqlite3", "ab") as dump:
            dump.write(b"\x00" * 4096)
    with pytest.raises(CommandError, match=r"is damaged, nothing was restored: ") as error:
        call_command("restore", str(backup))
    assert named in str(error.value)
    assert list(settings.MEDIA_ROOT.iterdir()) == []


def test_restore_refuses_a_database_that_is_not_empty(sqlite_trip):
    source = sqlite_trip.source
    pages_before = _count(source, "wagtailcore_page")
    result = source.manage("restore", str(sqlite_trip.backup), ok=False)
    refused(result, "source.sqlite3 is not empty", "restore only into a new, empty database")
    assert _count(source, "wagtailcore_page") == pages_before


def _count(site: Site, table: str) -> int:
    with sqlite3.connect(site.database_url.removeprefix("sqlite:///")) as connection:
        (count,) = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
    return count


def test_restore_keeps_identical_media_and_refuses_to_overwrite_others(tmp_path, sqlite_trip):
    """A media file already in the storage with the backup's content is kept; one with other
    content stops the restore before anything is written, unless --force replaces it."""
    target = fresh_sqlite_target(tmp_path)
    images = target.media / "original_images"
    images.mkdir()
    shutil.copy(sqlite_trip.backup / "media/original_images/stage.jpg", images / "stage.jpg")
    (images / "stadium.jpg").write_bytes(b"another site's picture")
    (images / "extra.jpg").write_bytes(b"not in the backup")

    result = target.manage("restore", str(sqlite_trip.backup), ok=False)
    refused(result, "1 media file already in the storage", "original_images/stadium.jpg")
    assert tables(target) == []
    assert sorted(p.name for p in target.media.rglob("*")) == [
        "extra.jpg",
        "original_images",
        "stadium.jpg",
        "stage.jpg",
    ]

    result = target.manage("restore", str(sqlite_trip.backup), "--force")
    assert "(1 already there)" in result.stdout
    restored = sqlite_trip.backup / "media/original_images/stadium.jpg"
    assert (images / "stadium.jpg").read_bytes() == restored.read_bytes()
    assert (images / "extra.jpg").read_bytes() == b"not in the backup"  # left alone
    assert _count(target, "images_newsimage") == 12


def test_restore_says_when_the_backup_comes_from_a_newer_newsdesk(tmp_path, sqlite_trip):
    backup = tmp_path / "backup"
    shutil.copytree(sqlite_trip.backup, backup)
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["migrations"]["articles"] = "9999_from_the_future"
    (backup / "manifest.json").write_text(json.dumps(manifest))
    result = fresh_sqlite_target(tmp_path).manage("restore", str(backup))
    assert result.stdout.startswith(f"Restored {backup} into the sqlite database ")
    assert "does not know the migrations articles.9999_from_the_future" in result.stderr
    assert "Upgrade Newsdesk before serving this database." in result.stderr


def test_backup_of_a_missing_postgresql_database_leaves_no_folder(tmp_path):
    site = Site("missing", f"{POSTGRES}/newsdesk_bk_missing_{os.getpid()}", tmp_path / "media")
    result = site.manage("backup", str(tmp_path / "backup"), ok=False)
    refused(result, f"Cannot read the database newsdesk_bk_missing_{os.getpid()}")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def fake_tool(folder: Path, name: str, script: str) -> Path:
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(0o755)
    return folder


def test_a_failing_or_missing_pg_dump_leaves_no_partial_folder(tmp_path, postgres):
    site = Site("empty", f"{POSTGRES}/{postgres.create('empty')}", tmp_path / "media")
    backups = tmp_path / "backups"
    backups.mkdir()
    failing = fake_tool(
        tmp_path / "bin",
        "pg_dump",
        'for a in "$@"; do case "$a" in --file=*) echo half > "${a#--file=}";; esac; done\n'
        'echo "pg_dump: error: connection to server lost" >&2; exit 1',
    )
    result = site.manage("backup", str(backups / "b"), ok=False, env={"PATH": str(failing)})
    refused(result, "pg_dump failed (exit status 1): pg_dump: error: connection to server lost")
    assert list(backups.iterdir()) == []

    nowhere = tmp_path / "empty-bin"
    nowhere.mkdir()
    result = site.manage("backup", str(backups / "b"), ok=False, env={"PATH": str(nowhere)})
    refused(result, "pg_dump is not installed (or not on PATH)")
    assert list(backups.iterdir()) == []


def test_an_interrupted_backup_leaves_no_partial_folder(tmp_path, postgres):
    """SIGTERM (or Ctrl-C) while pg_dump runs: the command stops, says so, and removes the
    folder it was writing."""
    site = Site("empty", f"{POSTGRES}/{postgres.create('slow')}", tmp_path / "media")
    backups = tmp_path / "backups"
    backups.mkdir()
    slow = fake_tool(
        tmp_path / "bin",
        "pg_dump",
        'for a in "$@"; do case "$a" in --file=*) echo part > "${a#--file=}";; esac; done\n'
        "exec /bin/sleep 60",
    )
    process = subprocess.Popen(
        [PYTHON, "manage.py", "backup", str(backups / "b")],
        cwd=REPO,
        env={**site.env, "PATH": str(slow)},
        stderr=subprocess.PIPE,
        text=True,
    )
    # Wait until the dump is being written into the hidden partial folder.
    for _ in range(300):
        if list(backups.glob(".b.partial-*/database.pgdump")):
            break
        time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("the backup never started writing its dump")
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "CommandError: Interrupted: no backup was written." in stderr
    assert list(backups.iterdir()) == []


def test_a_postgresql_backup_cannot_go_into_sqlite(tmp_path, postgres_trip):
    target = fresh_sqlite_target(tmp_path)
    into_sqlite = target.manage("restore", str(postgres_trip.backup), ok=False)
    refused(into_sqlite, "holds a postgresql database and the target is sqlite")
    assert tables(target) == []
    assert list(target.media.iterdir()) == []


def test_a_restored_postgresql_site_serves_every_public_page_as_the_original(postgres_trip):
    assert_same_site(postgres_trip)
    assert "(postgresql database, " in postgres_trip.backup_output
    assert "into the postgresql database newsdesk_bk_dst_" in postgres_trip.restore_output
    print_timings(postgres_trip)
