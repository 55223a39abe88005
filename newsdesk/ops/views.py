"""Readiness: may this process take readers' requests? (/healthz, in core, only says that
it answers.)"""

import os
import time
import uuid
from pathlib import Path

from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

# Once this process has seen every migration applied, it cannot see one pending again: the
# migrations are those of the code it runs, and a release applies them before starting it.
_migrated = False


@never_cache
def readyz(request):
    """Database, cache, storage and migrations, each with what failed and how long it took.

    503 when the database or the storage is unreachable or migrations are pending. A
    cache outage is reported (``"status": "degraded"``) without taking the process out of
    the load balancer: pages are still served, only without the cache.
    """
    checks = {
        "database": _timed(_check_databases),
        "migrations": _timed(_check_migrations),
        "cache": _timed(_check_caches),
        "storage": _timed(_check_storage),
    }
    failed = sorted(name for name, check in checks.items() if not check["ok"])
    ready = not set(failed) - {"cache"}
    status = "ok" if not failed else ("degraded" if ready else "unavailable")
    return JsonResponse(
        {"ready": ready, "status": status, "failed": failed, "checks": checks},
        status=200 if ready else 503,
    )


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        detail = check()
    except Exception as error:  # noqa: BLE001 — a probe reports every failure, whatever it is
        result = {"ok": False, "error": f"{type(error).__name__}: {error}".strip()}
    else:
        result = {"ok": True, **(detail or {})}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _check_databases() -> dict:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    return {"aliases": list(connections)}


def _check_migrations() -> dict:
    global _migrated
    if not _migrated:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            pending = [f"{m.app_label}.{m.name}" for m, _ in plan]
            raise RuntimeError(f"{len(pending)} pending: {', '.join(pending[:5])}")
        _migrated = True
    return {}


def _check_caches() -> dict:
    for alias in caches:
        cache = caches[alias]
        key, token = f"newsdesk-readyz-{uuid.uuid4().hex}", uuid.uuid4().hex
        cache.set(key, token, 10)
        if cache.get(key) != token:
            raise RuntimeError(f"the {alias!r} cache did not keep a value: is its server up?")
        cache.delete(key)
    return {}


def _check_storage() -> dict:
    default_storage.exists("newsdesk-readyz")  # a bucket's HEAD request, a folder's stat
    location = getattr(default_storage, "location", None)
    if location is not None:
        # The folder is made on the first upload: until then its nearest parent must be
        # writable.
        folder = Path(location)
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not (folder.is_dir() and os.access(folder, os.W_OK)):
            raise RuntimeError(f"the media folder {location} cannot be written to")
    return {}
