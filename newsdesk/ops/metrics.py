"""Prometheus metrics and the access log: what an operator watches to know the site is well.

Three sources feed ``/metrics``:

- ``MetricsMiddleware`` counts every request and times it, labelled by method, *route* and
  status, and writes one log line per request on the ``newsdesk.request`` logger;
- ``record_cache_lookup`` is called by the cache backends, for the hit ratio;
- ``DatabaseCollector`` reads the task queue, the ingest inbox and the published articles
  at scrape time, with a few grouped queries, so the figures are the database's own and the
  same whichever gunicorn worker answers the scrape.

Label values stay few whatever readers type into the address bar: a request is labelled
by the name of the URL pattern it matched (``author``, ``wagtailadmin_pages:edit``), by
the type of the page Wagtail served (``page:ArticlePage``), or ``unmatched`` — never by its
path.

Under gunicorn, each worker process keeps its own counters; with PROMETHEUS_MULTIPROC_DIR
set, prometheus-client writes them to files in that folder and the scrape sums them.
"""

import hmac
import logging
import os
import platform
import time
from datetime import datetime
from importlib import metadata

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError
from django.db.models import Case, Count, DateTimeField, F, Min, Q, Value, When
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

request_logger = logging.getLogger("newsdesk.request")
logger = logging.getLogger(__name__)

# From a cached page (a few ms) to the slowest admin action worth telling apart (10 s).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Any other method a client invents is counted as "other", so it cannot add label values.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Probes answer many times a minute: their successes are logged at DEBUG, not INFO.
PROBE_ROUTES = frozenset({"healthz", "readyz", "metrics"})

HTTP_REQUESTS = Counter(
    "newsdesk_http_requests",
    "Requests answered, by method, route and status code.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "newsdesk_http_request_duration_seconds",
    "Time from the request reaching Django to its response, by method, route and status class.",
    ["method", "route", "status_class"],
    buckets=LATENCY_BUCKETS,
)
HTTP_IN_PROGRESS = Gauge(
    "newsdesk_http_requests_in_progress",
    "Requests being answered right now, over all worker processes.",
    multiprocess_mode="livesum",
)
CACHE_REQUESTS = Counter(
    "newsdesk_cache_requests",
    "Cache lookups, by cache alias and result (hit or miss).",
    ["cache", "result"],
)


def record_cache_lookup(cache_alias: str, hit: bool) -> None:
    """Count one cache lookup; the hit ratio is hits / (hits + misses).

    Called by the cache backends on every ``get``: the alias comes from settings.CACHES,
    so its values stay few.
    """
    CACHE_REQUESTS.labels(cache=cache_alias, result="hit" if hit else "miss").inc()


# Requests ----------------------------------------------------------------------------


class MetricsMiddleware:
    """Counts and times every request, and writes its access-log line.

    It runs just inside the request-id middleware, so the log line carries the request's
    id, and outside everything else, so the time includes sessions, locale, editions and
    redirects. (For a streamed response, the time is to its first byte, not its last.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = None
        HTTP_IN_PROGRESS.inc()
        try:
            response = self.get_response(request)
            return response
        finally:
            # Django turns a view's exception into a 500 response further in; an exception
            # that still reaches here is counted as a 500 too, then goes on up.
            HTTP_IN_PROGRESS.dec()
            record_request(request, response, time.perf_counter() - started)


def record_request(request, response, duration: float) -> None:
    """Count, time and log one answered request (``response`` None: an exception escaped).

    Successful probes (health, readiness, scrapes) come many times a minute and are logged
    at DEBUG; their failures, and every other request, at INFO.
    """
    status = response.status_code if response is not None else 500
    method = request.method if request.method in KNOWN_METHODS else "other"
    route = route_label(request)
    HTTP_REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    HTTP_LATENCY.labels(method=method, route=route, status_class=f"{status // 100}xx").observe(
        duration
    )

    duration_ms = round(duration * 1000, 1)
    quiet = route in PROBE_ROUTES and status < 400
    request_logger.log(
        logging.DEBUG if quiet else logging.INFO,
        "%s %s %s %sms",
        request.method,
        request.path,
        status,
        duration_ms,
        extra={
            "method": request.method,
            # The path without its query string: searches readers type stay out of the logs.
            "path": request.path,
            "route": route,
            "status": status,
            "duration_ms": duration_ms,
            "bytes": response_size(response),
            "user_id": known_user_id(request),
            # The proxy in front sets REMOTE_ADDR from X-Forwarded-For.
            "remote_addr": request.META.get("REMOTE_ADDR"),
        },
    )


def route_label(request) -> str:
    """The request's route, as a label with few values: the URL pattern's name (with its
    namespace), or its template when it has no name; for a page Wagtail served,
    ``page:`` and the page's type; ``static`` for files whitenoise served before any URL
    was resolved; ``unmatched`` for everything else (404s, and redirects from them)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        if request.path.startswith(settings.STATIC_URL):
            return "static"
        return "unmatched"
    if match.url_name == "wagtail_serve":
        # Wagtail keeps the (page, args, kwargs) it routed the request to on the request
        # (Page.route_for_request); None when no page had that path.
        if not hasattr(request, "_wagtail_route_for_request"):
            return "page"
        routed = request._wagtail_route_for_request
        if routed is None:
            return "unmatched"
        return f"page:{type(routed[0]).__name__}"
    return match.view_name if match.url_name else match.route


def response_size(response) -> int | None:
    """The body's length in bytes, when it is known without reading a stream."""
    if response is None:
        return None
    if response.has_header("Content-Length"):
        try:
            return int(response["Content-Length"])
        except ValueError:
            return None
    if getattr(response, "streaming", False):
        return None
    return len(response.content)


def known_user_id(request) -> int | None:
    """The signed-in user's id, if the request already looked them up.

    Django loads the user lazily and keeps it on ``request._cached_user``; reading
    ``request.user`` here would cost reader pages that never needed it a session and a user
    query. Every newsroom request loads its user, so its lines carry the id.
    """
    user = getattr(request, "_cached_user", None)
    if user is None or not user.is_authenticated:
        return None
    return user.pk


# Scrape-time figures from the database -------------------------------------------------


class DatabaseCollector:
    """What the database knows, read at each scrape: the task queue, the ingest inbox, the
    published articles — plus the build's versions.

    Reading at scrape time (instead of counting in each process) keeps the figures right
    across worker processes and restarts. Each figure is one grouped count in the database;
    no row is read into Python. When the database does not answer, the scrape still
    succeeds: the request metrics are there, the database figures are not, and
    ``newsdesk_database_up`` is 0.
    """

    def collect(self):
        yield build_info()
        up = GaugeMetricFamily(
            "newsdesk_database_up", "1 when the database answered this scrape's queries, else 0."
        )
        try:
            families = list(database_families())
        except (DatabaseError, InterfaceError) as error:  # down, unreachable, not migrated
            logger.warning("The database did not answer the metrics scrape: %s", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families


def build_info() -> GaugeMetricFamily:
    family = GaugeMetricFamily(
        "newsdesk_build_info",
        "Always 1; the labels say which versions this process runs.",
        labels=["version", "django", "wagtail", "python"],
    )
    family.add_metric(
        [
            _version("newsdesk"),
            _version("django"),
            _version("wagtail"),
            platform.python_version(),
        ],
        1,
    )
    return family


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def database_families():
    """The database's figures, as metric families; raises Django's database errors when it
    does not answer."""
    yield from task_queue_families()
    yield ingest_family()
    yield published_articles_family()


def task_queue_families():
    """Background tasks waiting or running, by queue, from django-tasks' database backend:
    ``ready`` (due, waiting for a worker), ``scheduled`` (waiting for their time, such as
    webhook retries) and ``running``; and how long the oldest due task has waited — the
    figure to alert on when the task worker is stopped or overwhelmed."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    never = get_date_max()  # django-tasks' run_after for "as soon as possible"
    due = Q(run_after=never) | Q(run_after__lte=now)
    rows = (
        DBTaskResult.objects.using(DEFAULT_DB_ALIAS)
        .filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        .annotate(due=Case(When(due, then=Value(True)), default=Value(False)))
        .values("queue_name", "status", "due")
        .annotate(
            count=Count("pk"),
            # When a due task became due: when it was enqueued, or its run_after time.
            due_since=Min(
                Case(
                    When(run_after=never, then=F("enqueued_at")),
                    default=F("run_after"),
                    output_field=DateTimeField(),
                )
            ),
        )
        .order_by()
    )
    depth = GaugeMetricFamily(
        "newsdesk_task_queue_depth",
        "Background tasks not finished, by queue and state (ready, scheduled, running).",
        labels=["queue", "status"],
    )
    counts: dict[tuple[str, str], int] = {}
    oldest: datetime | None = None
    for row in rows:
        if row["status"] == TaskResultStatus.RUNNING:
            state = "running"
        elif row["due"]:
            state = "ready"
            if row["due_since"] is not None and (oldest is None or row["due_since"] < oldest):
                oldest = row["due_since"]
        else:
            state = "scheduled"
        key = (row["queue_name"], state)
        counts[key] = counts.get(key, 0) + row["count"]
    for (queue, state), count in sorted(counts.items()):
        depth.add_metric([queue, state], count)
    yield depth

    age = GaugeMetricFamily(
        "newsdesk_task_queue_oldest_ready_age_seconds",
        "How long the oldest task that is due has been waiting for a worker (0 when none).",
    )
    age.add_metric([], max((now - oldest).total_seconds(), 0.0) if oldest else 0.0)
    yield age


def ingest_family() -> GaugeMetricFamily:
    """Inbox items by origin (feed, ninjs, web) and status (new, used, discarded,
    duplicate): a feed that stops bringing news shows as a flat line."""
    from newsdesk.ingest.models import IngestItem

    family = GaugeMetricFamily(
        "newsdesk_ingest_items",
        "Stories received from outside, by origin and inbox status.",
        labels=["origin", "status"],
    )
    rows = (
        IngestItem.objects.using(DEFAULT_DB_ALIAS)
        .values("origin", "status")
        .annotate(count=Count("pk"))
        .order_by("origin", "status")
    )
    for row in rows:
        family.add_metric([row["origin"], row["status"]], row["count"])
    return family


def published_articles_family() -> GaugeMetricFamily:
    """Live articles by edition (language code), counted on Wagtail's page table alone."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from newsdesk.articles.models import ArticlePage

    family = GaugeMetricFamily(
        "newsdesk_articles_published",
        "Articles live on the site, by edition.",
        labels=["edition"],
    )
    article_type = ContentType.objects.db_manager(DEFAULT_DB_ALIAS).get_for_model(ArticlePage)
    rows = (
        Page.objects.using(DEFAULT_DB_ALIAS)
        .filter(content_type=article_type, live=True)
        .values("locale__language_code")
        .annotate(count=Count("pk"))
        .order_by("locale__language_code")
    )
    for row in rows:
        family.add_metric([row["locale__language_code"]], row["count"])
    return family


DATABASE_COLLECTOR = DatabaseCollector()


class _ThisProcess:
    """This process's own metrics (the default registry), for a scrape without gunicorn's
    multiprocess folder."""

    def collect(self):
        return REGISTRY.collect()


def scrape_registry() -> CollectorRegistry:
    """A registry for one scrape: every worker's request metrics (or this process's, without
    PROMETHEUS_MULTIPROC_DIR) and the database's figures. The database collector never
    joins the default registry, so nothing else that reads it can query the database."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    registry.register(DATABASE_COLLECTOR)
    return registry


# The endpoint ------------------------------------------------------------------------


@never_cache
def metrics_view(request):
    """``/metrics`` for Prometheus, with ``Authorization: Bearer <NEWSDESK_METRICS_TOKEN>``.

    Without a token configured the endpoint does not exist (404): figures about the
    newsroom are not for everyone, and an empty token must not mean "open".
    """
    token = settings.NEWSDESK_METRICS_TOKEN
    if not token:
        raise Http404("Metrics are off: NEWSDESK_METRICS_TOKEN is not set.")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not _bearer_matches(request.headers.get("Authorization", ""), token):
        response = HttpResponse(
            "The metrics need the header Authorization: Bearer <NEWSDESK_METRICS_TOKEN>.\n",
            status=401,
            content_type="text/plain; charset=utf-8",
        )
        response["WWW-Authenticate"] = 'Bearer realm="newsdesk-metrics"'
        return response
    return HttpResponse(generate_latest(scrape_registry()), content_type=CONTENT_TYPE_LATEST)


def _bearer_matches(header: str, token: str) -> bool:
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    # Compared in constant time, so response times tell nothing about the token.
    return hmac.compare_digest(given.strip().encode(), token.encode())
