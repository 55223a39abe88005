"""Backups of a Newsdesk site: a consistent database dump, every media file and a manifest.

A backup is one folder::

    manifest.json       what the folder holds: versions, database, counts, and the size and
                        sha256 of every file below
    database.sqlite3    SQLite's online backup of the database (or database.pgdump, pg_dump's
                        custom format, for PostgreSQL)
    media/...           every file of the default storage (originals and renditions)

``create_backup`` writes into a hidden sibling folder and renames it into place at the very
end, so a backup that fails (or is interrupted) leaves nothing that looks like a backup.
The database is dumped first and the media files copied after it: every file the dump refers
to is then in the copy (a file uploaded meanwhile is merely extra).

``restore_backup`` checks everything it can before it writes anything: the manifest, every
checksum, the database vendor, that the target database is empty, and that no media file
in the storage would be overwritten with other content. It then puts the media files back
first and the database last, so a restore that fails half-way leaves the database empty and
can simply be run again (media files already in place with the same content are skipped).
"""

import hashlib
import importlib.metadata
import json
import os
import posixpath
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import DatabaseError, connections, transaction
from django.db.backends.postgresql.client import DatabaseClient as PostgresClient
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from wagtail.images import get_image_model
from wagtail.models import Page

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MEDIA_FOLDER = "media"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
DATABASE_ALIAS = "default"  # the primary: a replica may lag behind it
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """An expected failure of a backup or a restore; the message says what and what to do."""


@dataclass
class BackupSummary:
    path: Path
    vendor: str
    files: int
    media_files: int
    bytes: int
    seconds: float
    counts: dict
    vanished: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        vanished = (
            f"; {len(self.vanished)} media files were deleted while it ran and are not in it"
            if self.vanished
            else ""
        )
        return (
            f"Backed up to {self.path}: {self.files} files ({self.vendor} database, "
            f"{self.media_files} media files), {_size(self.bytes)}, in {self.seconds:.1f} s; "
            f"{_counts(self.counts)}{vanished}."
        )


@dataclass
class RestoreSummary:
    source: Path
    database: str
    vendor: str
    media_written: int
    media_identical: int
    bytes: int
    seconds: float
    counts: dict
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        identical = f" ({self.media_identical} already there)" if self.media_identical else ""
        return (
            f"Restored {self.source} into the {self.vendor} database {self.database}: "
            f"{self.media_written + self.media_identical} media files{identical}, "
            f"{_size(self.bytes)}, in {self.seconds:.1f} s; {_counts(self.counts)}."
        )


# Backup.


def create_backup(*, target: Path | str, storage: Storage | None = None) -> BackupSummary:
    """Write a backup of the database and of ``storage`` into the new folder ``target``."""
    started = time.monotonic()
    storage = storage or storages["default"]
    target = Path(target).absolute()
    _check_backup_target(target)
    try:
        partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    except OSError as error:
        raise BackupError(f"Cannot write in {target.parent}: {error.strerror}.") from None
    try:
        connection = connections[DATABASE_ALIAS]
        dump_name, facts = _dump_database(connection, partial)
        files = [_describe(partial / dump_name, dump_name)]
        media, vanished = _copy_media(storage, partial / MEDIA_FOLDER)
        files += media
        manifest = {
            "format": FORMAT_VERSION,
            "newsdesk_version": _newsdesk_version(),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {
                "vendor": connection.vendor,
                "engine": connection.settings_dict["ENGINE"],
                "dump": dump_name,
            },
            "media_storage": f"{type(storage).__module__}.{type(storage).__qualname__}",
            "migrations": facts["migrations"],
            "counts": facts["counts"],
            "files": files,
        }
        _write_file(partial / MANIFEST_NAME, json.dumps(manifest, indent=2).encode() + b"\n")
        _move_into_place(partial, target)
    except BaseException:
        # Any failure, Ctrl-C included: no half-written backup stays behind.
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return BackupSummary(
        path=target,
        vendor=connection.vendor,
        files=len(files) + 1,
        media_files=len(media),
        bytes=sum(entry["size"] for entry in files),
        seconds=time.monotonic() - started,
        counts=facts["counts"],
        vanished=vanished,
    )


def _check_backup_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise BackupError(f"{target} is a file: give a new folder to back up into.")
    if target.is_dir() and any(target.iterdir()):
        raise BackupError(
            f"{target} is not empty: back up into a new (or empty) folder, so that no earlier "
            "backup is mixed with this one."
        )
    if not target.parent.is_dir():
        raise BackupError(
            f"The folder {target.parent} does not exist: create it first (the backup goes into "
            f"{target.name} inside it)."
        )


def _dump_database(connection, folder: Path) -> tuple[str, dict]:
    """Dump the database into ``folder``; return the dump's name and the facts of that same
    snapshot (migrations, counts), so the manifest describes exactly what was dumped."""
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(
            f"Backups handle SQLite and PostgreSQL databases, not {connection.vendor}."
        )
    name = DUMP_NAMES[connection.vendor]
    try:
        if connection.vendor == "sqlite":
            facts = _dump_sqlite(connection, folder / name)
        else:
            facts = _dump_postgresql(connection, folder / name)
    except (DatabaseError, sqlite3.DatabaseError) as error:
        database = _database_name(connection)
        raise BackupError(f"Cannot read the database {database}: {str(error).strip()}") from None
    return name, facts


def _dump_sqlite(connection, path: Path) -> dict:
    source_path = _sqlite_path(connection)
    if not source_path.is_file():
        raise BackupError(f"The SQLite database {source_path} does not exist.")
    source = sqlite3.connect(source_path, timeout=30)
    destination = sqlite3.connect(path)
    with closing(source), closing(destination):
        # One step (pages=-1): a consistent snapshot, while the site keeps running (in WAL
        # mode readers never block writers).
        source.backup(destination)
        # One self-contained file: no -wal or -shm beside it when it is read again.
        destination.execute("PRAGMA journal_mode=DELETE")
        (check,) = destination.execute("PRAGMA quick_check").fetchone()
        if check != "ok":
            raise BackupError(f"The database {source_path} is damaged: {check}.")
        facts = _read_facts(destination.cursor())
    _fsync(path)
    return facts


def _dump_postgresql(connection, path: Path) -> dict:
    """pg_dump reads a snapshot exported by our own transaction, in which the counts are read
    too: the dump and the manifest see the same moment of a database that keeps changing."""
    pg_dump = _client_tool("pg_dump")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        _run_client(
            [
                pg_dump,
                "--format=custom",
                f"--file={path}",
                f"--snapshot={snapshot}",
                *_postgres_options(connection),
            ],
            connection,
        )
        return _read_facts(cursor)


def _read_facts(cursor) -> dict:
    """The latest applied migration per app and what the site holds, read with plain SQL
    through ``cursor`` (a dump's own SQLite connection, or the snapshot's transaction)."""
    page_table = Page._meta.db_table
    image_table = get_image_model()._meta.db_table
    try:
        cursor.execute('SELECT app, name FROM "django_migrations" ORDER BY app, name')
    except (DatabaseError, sqlite3.DatabaseError):
        raise BackupError(
            "The database has no django_migrations table: it is not a Newsdesk database "
            "(or `manage.py migrate` never ran)."
        ) from None
    # The last by name: Django numbers migrations, and records a squashed one (0001_squashed_…)
    # after those it replaces, so the order they were applied in would be misleading.
    migrations = {app: name for app, name in cursor.fetchall()}
    counts = {}
    for key, sql in (
        ("pages", f'SELECT COUNT(*) FROM "{page_table}" WHERE depth > 1'),
        ("live_pages", f'SELECT COUNT(*) FROM "{page_table}" WHERE depth > 1 AND live'),
        ("images", f'SELECT COUNT(*) FROM "{image_table}"'),
    ):
        cursor.execute(sql)
        (counts[key],) = cursor.fetchone()
    return {"migrations": migrations, "counts": counts}


def _copy_media(storage: Storage, folder: Path) -> tuple[list[dict], list[str]]:
    """Copy every file of ``storage`` under ``folder``, hashing on the way. A file deleted
    between the listing and its copy is reported, not fatal: the site deleted it."""
    files, vanished = [], []
    for name in _storage_files(storage):
        relative = f"{MEDIA_FOLDER}/{name}"
        inside = _safe_relative(relative, what=f"The storage's file {name!r}")
        destination = folder / inside.relative_to(MEDIA_FOLDER)
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        try:
            with storage.open(name, "rb") as source, open(destination, "wb") as out:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except FileNotFoundError:
            destination.unlink(missing_ok=True)
            vanished.append(name)
            continue
        files.append({"path": relative, "size": size, "sha256": digest.hexdigest()})
    return files, vanished


def _storage_files(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file of ``storage``, walked through the storage API (so S3 works as well as a
    local folder), in a stable order."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        if directory:
            raise
        return  # a site that never stored a file: no media folder yet
    for name in sorted(files):
        yield posixpath.join(directory, name) if directory else name
    for name in sorted(directories):
        yield from _storage_files(storage, posixpath.join(directory, name) if directory else name)


def _move_into_place(partial: Path, target: Path) -> None:
    _fsync(partial)
    try:
        # Atomic on one file system; replaces ``target`` only while it is an empty folder.
        os.rename(partial, target)
    except OSError as error:
        raise BackupError(f"Cannot create {target}: {error.strerror}.") from None
    _fsync(target.parent)


# Restore.


def read_manifest(folder: Path | str) -> dict:
    """The manifest of the backup in ``folder``, checked for what a restore relies on."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder: give the folder a backup wrote.")
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(
            f"{folder} holds no {MANIFEST_NAME}: it is not a Newsdesk backup, or the backup "
            "did not finish."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is not valid JSON ({error}): the backup is damaged.") from None
    if not isinstance(manifest, dict) or "format" not in manifest:
        raise BackupError(f"{path} is not a Newsdesk backup manifest (it has no format).")
    if manifest["format"] != FORMAT_VERSION:
        raise BackupError(
            f"{path} is in format {manifest['format']!r}; this Newsdesk reads format "
            f"{FORMAT_VERSION}: restore it with the Newsdesk version that made it "
            f"({manifest.get('newsdesk_version', 'unknown')})."
        )
    try:
        database, files = manifest["database"], manifest["files"]
        vendor, dump = database["vendor"], database["dump"]
        paths = [entry["path"] for entry in files]
        if not all(
            isinstance(entry["size"], int) and isinstance(entry["sha256"], str) for entry in files
        ):
            raise TypeError("files")
    except (KeyError, TypeError) as error:
        raise BackupError(f"{path} lacks {error} or has it in the wrong form.") from None
    if DUMP_NAMES.get(vendor) != dump or dump not in paths:
        raise BackupError(f"{path} names no database dump for its {vendor!r} database.")
    for name in paths:
        if name != dump:
            _safe_relative(name, what=f"The manifest's path {name!r}")
    return manifest


def verify_backup(folder: Path | str, manifest: dict) -> None:
    """Check the size and sha256 of every file the manifest lists; name every one that is
    missing or differs."""
    folder = Path(folder)
    problems = []
    for entry in manifest["files"]:
        path = folder / entry["path"]
        if not path.is_file():
            problems.append(f"{entry['path']} is missing")
        elif path.stat().st_size != entry["size"]:
            problems.append(
                f"{entry['path']} differs (size {path.stat().st_size}, "
                f"the manifest says {entry['size']})"
            )
        elif _sha256(path) != entry["sha256"]:
            problems.append(f"{entry['path']} differs (its sha256 is not the manifest's)")
    if problems:
        shown = "; ".join(problems[:10]) + ("; …" if len(problems) > 10 else "")
        raise BackupError(f"The backup in {folder} is damaged, nothing was restored: {shown}.")


def restore_backup(
    *, source: Path | str, force: bool = False, storage: Storage | None = None
) -> RestoreSummary:
    """Restore the backup in ``source`` into the (empty) default database and ``storage``.

    A media file already in the storage with the same content is left as it is; one with
    other content stops the restore before anything is written, unless ``force`` (then it is
    replaced). Files in the storage that the backup does not hold are left alone.
    """
    started = time.monotonic()
    storage = storage or storages["default"]
    source = Path(source).absolute()
    manifest = read_manifest(source)
    verify_backup(source, manifest)  # first: a damaged backup is refused whatever the target
    connection = connections[DATABASE_ALIAS]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"This backup holds a {vendor} database and the target is {connection.vendor}: "
            f"restore it into a {vendor} database (set DATABASE_URL)."
        )
    _check_empty_database(connection)
    media = [entry for entry in manifest["files"] if entry["path"] != manifest["database"]["dump"]]
    to_write, identical = _plan_media(storage, media, force=force)

    written_bytes = 0
    for entry, replace in to_write:
        written_bytes += _put_media(storage, source / entry["path"], _media_name(entry), replace)
    dump = source / manifest["database"]["dump"]
    connection.close()
    if vendor == "sqlite":
        _restore_sqlite(connection, dump)
    else:
        _run_client(
            [
                _client_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *_postgres_options(connection),
                str(dump),
            ],
            connection,
        )
        # pg_restore leaves the planner without statistics: until autovacuum comes round,
        # every query of a large site would be planned blind.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    for cache in caches.all():
        cache.clear()
    counts = _current_counts(connection)
    return RestoreSummary(
        source=source,
        database=_database_name(connection),
        vendor=vendor,
        media_written=len(to_write),
        media_identical=identical,
        bytes=written_bytes + dump.stat().st_size,
        seconds=time.monotonic() - started,
        counts=counts,
        notes=_notes(connection, manifest, counts),
    )


def _check_empty_database(connection) -> None:
    """Restore only into a database without a single table: merging a backup into a site
    would mix two sites' rows, and pg_restore would fail half-way on the first clash."""
    try:
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor, include_views=True)
    except DatabaseError as error:
        raise BackupError(
            f"Cannot open the database {_database_name(connection)} (a restore needs it to "
            f"exist, empty): {str(error).strip()}"
        ) from None
    if tables:
        raise BackupError(
            f"The database {_database_name(connection)} is not empty ({len(tables)} tables, "
            f"such as {', '.join(sorted(tables)[:3])}): restore only into a new, empty "
            "database (for PostgreSQL `createdb`; for SQLite a new file), and do not run "
            "`migrate` before restoring."
        )


def _plan_media(storage: Storage, media: list[dict], *, force: bool) -> tuple[list, int]:
    """Which media files to write (and whether each replaces a file), and how many are
    already in the storage with the same content; refuse conflicts unless ``force``."""
    to_write, identical, conflicts = [], 0, []
    for entry in media:
        name = _media_name(entry)
        if not storage.exists(name):
            to_write.append((entry, False))
        elif _storage_sha256(storage, name) == entry["sha256"]:
            identical += 1
        elif force:
            to_write.append((entry, True))
        else:
            conflicts.append(name)
    if conflicts:
        shown = ", ".join(conflicts[:5]) + (", …" if len(conflicts) > 5 else "")
        raise BackupError(
            f"{len(conflicts)} media file{'s' if len(conflicts) > 1 else ''} already in the "
            f"storage with other content than the backup's: {shown}. Nothing was restored. "
            "Restore into an empty media storage, or pass --force to replace them."
        )
    return to_write, identical


def _put_media(storage: Storage, path: Path, name: str, replace: bool) -> int:
    if replace:
        storage.delete(name)
    with open(path, "rb") as handle:
        saved = storage.save(name, File(handle, name=name))
    if saved != name:
        raise BackupError(
            f"The storage saved {name} as {saved}: the pages would not find it. Restore into "
            "an empty media storage."
        )
    return path.stat().st_size


def _restore_sqlite(connection, dump: Path) -> None:
    target = _sqlite_path(connection)
    source = sqlite3.connect(f"{dump.as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(target, timeout=30)
    with closing(source), closing(destination):
        source.backup(destination)
    connection.close()


def _current_counts(connection) -> dict:
    connection.close()
    Image = get_image_model()
    pages = Page.objects.using(connection.alias).filter(depth__gt=1)
    return {
        "pages": pages.count(),
        "live_pages": pages.filter(live=True).count(),
        "images": Image.objects.using(connection.alias).count(),
    }


def _notes(connection, manifest: dict, counts: dict) -> list[str]:
    """What the operator should know after a restore: counts that differ from the backup's,
    migrations this code does not know (a newer Newsdesk made it) or has not applied yet."""
    notes = []
    if counts != manifest.get("counts"):
        notes.append(
            f"The restored database holds {_counts(counts)}; the backup recorded "
            f"{_counts(manifest.get('counts') or {})}."
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    unknown = [
        f"{app}.{name}"
        for app, name in manifest.get("migrations", {}).items()
        if (app, name) not in loader.disk_migrations
    ]
    if unknown:
        notes.append(
            f"The backup was made by a newer Newsdesk ({manifest.get('newsdesk_version')}): "
            f"this one does not know the migrations {', '.join(unknown)}. Upgrade Newsdesk "
            "before serving this database."
        )
    else:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            notes.append(
                "This Newsdesk has migrations the backup's database has not applied: run "
                "`manage.py migrate` before serving it."
            )
    return notes


# Shared helpers.


def _client_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed (or not on PATH): install the PostgreSQL client tools, "
            "of the server's major version or newer (Debian: postgresql-client)."
        )
    return path


def _postgres_options(connection) -> list[str]:
    """Where the database is, for pg_dump and pg_restore; never the password, which goes in
    the environment (the command line is visible to every user of the machine)."""
    settings = connection.settings_dict
    options = ["--no-password"]  # fail instead of waiting for a prompt nobody answers
    if settings.get("USER"):
        options.append(f"--username={settings['USER']}")
    if settings.get("HOST"):
        options.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        options.append(f"--port={settings['PORT']}")
    options.append(f"--dbname={settings['NAME']}")
    return options


def _run_client(args: list[str], connection) -> None:
    """Run pg_dump or pg_restore with the connection's password and SSL settings in its
    environment; its error output becomes the message of the error raised."""
    _, extra = PostgresClient.settings_to_cmd_args_env(connection.settings_dict, [])
    result = subprocess.run(
        args, env={**os.environ, **(extra or {})}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        tool = Path(args[0]).name
        detail = result.stderr.strip() or result.stdout.strip() or "no message"
        raise BackupError(f"{tool} failed (exit status {result.returncode}): {detail}")


def _sqlite_path(connection) -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupError("The database is an in-memory SQLite database: there is nothing to keep.")
    return Path(name)


def _database_name(connection) -> str:
    return str(connection.settings_dict["NAME"])


def _safe_relative(name: str, *, what: str) -> PurePosixPath:
    """``name`` as a relative path inside the backup folder; a manifest (or a storage) naming
    an absolute path or ``..`` could otherwise make a restore write anywhere."""
    path = PurePosixPath(name)
    if (
        path.is_absolute()
        or ".." in path.parts
        or str(path) != name
        or path.parts[:1] != (MEDIA_FOLDER,)
        or len(path.parts) < 2
    ):
        raise BackupError(f"{what} is not a relative path under {MEDIA_FOLDER}/.")
    return path


def _media_name(entry: dict) -> str:
    return entry["path"][len(MEDIA_FOLDER) + 1 :]


def _describe(path: Path, relative: str) -> dict:
    return {"path": relative, "size": path.stat().st_size, "sha256": _sha256(path)}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _storage_sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync(path: Path) -> None:
    """Flush ``path`` (a file or a folder's entries) to disk: a backup renamed into place
    must not turn out empty after a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _newsdesk_version() -> str:
    try:
        return importlib.metadata.version("newsdesk")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _size(count: int) -> str:
    return f"{count:,} bytes ({count / 1024 / 1024:.1f} MiB)"


def _counts(counts: dict) -> str:
    return (
        f"{counts.get('pages', 0)} pages ({counts.get('live_pages', 0)} live), "
        f"{counts.get('images', 0)} images"
    )


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM (systemd stopping a unit, ``kill``, a CI time-out) like Ctrl-C while a
    backup or restore runs, so its clean-up runs instead of the process dying mid-write."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
