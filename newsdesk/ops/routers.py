"""Readers' page views read from the read replica; everything else uses the primary.

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` database (a streaming-replication
standby of the primary). Readers are most of the traffic and only read, so their requests
read from the replica and leave the primary to the newsroom. Every write goes to the primary,
always; the replica is never migrated (it follows the primary by replication).

Who reads from the replica is decided per unit of work, by ``ReplicaRoutingMiddleware``: a
GET or HEAD request, outside the newsroom's paths (``/admin/``, ``/preview/``,
``/api/ingest/``, ``/documents/`` whose files are permission-checked, ``/readyz`` which
checks the primary), that carries no session cookie. A signed-in editor browsing the public
site has one, and reads the primary: they must see what they have just published (and the
session row written at sign-in may not have reached the replica yet). Anything
outside a request (management commands, the scheduler, background tasks) and every other
request reads the primary: the replica is opt-in, so forgetting a case costs load, never
correctness. Without a ``replica`` database every read goes to the primary.

Consequences to know:

- **Replication lag.** A reader may see a just-published (or just-corrected) story up to the
  replica's lag late: usually well under a second on the same network. Nobody in the
  newsroom notices, since the newsroom reads the primary.
- **Cache purges race the lag.** A publish purges the pages it changes from the page cache
  at once. A reader's request that arrives between the purge and the replica catching up
  renders the old version from the replica, and may put it back in the cache, where it stays
  until the entry expires or the next publish purges it again. We accept that and do nothing
  more: the lag is far shorter than the time between a publish and the first readers, and
  a cache entry's lifetime bounds the damage. If a replica ever lags by seconds, purge again
  once it has caught up (a second, delayed purge on publish).
- **Reading back one's own write.** Objects read during a reader's request come from the
  replica, even inside ``transaction.atomic()``. Code that writes during such a request and
  reads the row back must read it with ``.using("default")`` (none does today).
  ``select_for_update()``, ``get_or_create()`` and ``update_or_create()`` already read
  through ``db_for_write``, the primary. The one write readers' views make, an image's
  renditions on its first view, is such a case: during the lag a second reader may render
  the same rendition again (wasted work, not an error; the insert is conflict-safe).
- **Objects loaded from the primary stay on the primary.** Django asks the router where to
  follow a relation with the object as ``hints["instance"]`` (and, when a router answers,
  does not fall back on ``instance._state.db`` by itself). An object that came from the
  primary, such as one just saved, has its relations read from the primary too, so that a
  row written in the same request and not yet replicated is found. Objects from the
  replica follow their relations on the replica, like every other read of the request.
- Wagtail's own reads on readers' pages (``Site``, ``Locale``, the page tree, redirects,
  content types, search) are all fine on the replica, which is a full copy.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

PRIMARY = DEFAULT_DB_ALIAS
REPLICA = "replica"

# Paths whose requests read the primary whatever their method: the newsroom, private
# preview links, the ingest push API, permission-checked documents, the readiness probe.
PRIMARY_PATHS = ("/admin/", "/preview/", "/api/ingest/", "/documents/", "/readyz")
READ_METHODS = ("GET", "HEAD")

# A context variable rather than a thread-local: it follows the request into
# ``sync_to_async``/``async_to_sync`` hops and is per greenlet under gevent.
_replica_reads: ContextVar[bool] = ContextVar("newsdesk_replica_reads", default=False)


def may_read_from_replica(request) -> bool:
    """Whether this request is a reader's: it only reads, outside the newsroom's paths,
    and without a session (a signed-in user must see their own fresh writes)."""
    if request.method not in READ_METHODS:
        return False
    path = request.path_info
    if any(path == prefix.rstrip("/") or path.startswith(prefix) for prefix in PRIMARY_PATHS):
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


class ReplicaRoutingMiddleware:
    """Marks a reader's request as one that may read from the replica, for its duration.

    It sits before the session and authentication middleware, so that their reads (the
    session, the user) are routed too; it decides on the session cookie alone. The mark is
    removed when the response is returned or an exception leaves the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(may_read_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)


class ReplicaRouter:
    """Reads from ``replica`` within a reader's request when that database is configured;
    everything else, and every write, on the primary."""

    def db_for_read(self, model, **hints):
        if not _replica_reads.get() or REPLICA not in connections.settings:
            return PRIMARY
        instance = hints.get("instance")
        if instance is not None and getattr(instance._state, "db", None) == PRIMARY:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both databases hold the same rows: an object from the replica may point at one
        # from the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's schema by replication.
        return db == PRIMARY
