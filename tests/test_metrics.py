"""``/metrics``: Prometheus reads request counts and latencies by route, the cache hit ratio,
the task queue, the ingest inbox and the published articles — with its token only."""

import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client.parser import text_string_to_metric_families

from newsdesk import urls as site_urls
from newsdesk.ingest.models import IngestItem
from newsdesk.ops.metrics import MetricsMiddleware, record_cache_lookup

from .factories import ArticleFactory, SectionFactory

TOKEN = "prometheus-reads-this-7d1f0c"
ROOT = Path(__file__).resolve().parents[1]


def boom(request):
    raise RuntimeError("a view that fails")


# The site's URLs plus a failing view, for the test that needs a real 500.
urlpatterns = [path("boom", boom, name="boom"), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


@pytest.fixture
def prometheus(db, client, settings):
    """Prometheus, scraping with the right token: returns the samples, keyed on name and
    labels."""
    settings.NEWSDESK_METRICS_TOKEN = TOKEN

    def scrape():
        response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert response.status_code == 200, response.content
        assert response["Content-Type"].startswith("text/plain; version=")
        return parse(response.content.decode())

    return scrape


def parse(text):
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def names(samples):
    return {name for name, _ in samples}


# Who may read -------------------------------------------------------------------------


@pytest.mark.django_db
def test_metrics_do_not_exist_while_no_token_is_configured(client, settings):
    """Off, /metrics answers a plain 404, as an unknown API address does (neither is sent
    into an edition)."""
    settings.NEWSDESK_METRICS_TOKEN = ""
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404
    assert b"newsdesk_" not in response.content
    assert client.get("/api/no-such-endpoint").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer"],
)
def test_a_scrape_without_the_right_token_is_refused(client, settings, authorization):
    settings.NEWSDESK_METRICS_TOKEN = TOKEN
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = client.get("/metrics", **headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"newsdesk_" not in response.content
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_metrics_are_read_with_get_only(client, settings):
    settings.NEWSDESK_METRICS_TOKEN = TOKEN
    response = client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 405


@pytest.mark.django_db
def test_the_scrape_is_never_cached(client, settings):
    settings.NEWSDESK_METRICS_TOKEN = TOKEN
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"bearer {TOKEN}")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "newsdesk_build_info{" in response.content.decode()


# Requests -----------------------------------------------------------------------------


def test_reader_pages_are_counted_and_timed_by_page_type_not_by_path(client, homes, prometheus):
    section = SectionFactory(parent=homes["fr"], title="International", slug="international")
    story = ArticleFactory(section=section, title="Koursk", slug="koursk-retrait")
    before = prometheus()
    for _ in range(3):
        assert client.get(story.url).status_code == 200
    assert client.get(homes["fr"].url).status_code == 200
    assert client.get("/fr/no-such-story/").status_code == 404
    after = prometheus()

    story_labels = {"method": "GET", "route": "page:ArticlePage"}
    counted = "newsdesk_http_requests_total"
    assert value(after, counted, **story_labels, status="200") - value(
        before, counted, **story_labels, status="200"
    ) == pytest.approx(3)
    home = {"method": "GET", "route": "page:HomePage", "status": "200"}
    assert value(after, counted, **home) - value(before, counted, **home) == pytest.approx(1)
    missing = {"method": "GET", "route": "unmatched", "status": "404"}
    assert value(after, counted, **missing) - value(before, counted, **missing) == 1

    timed = {**story_labels, "status_class": "2xx"}
    count = "newsdesk_http_request_duration_seconds_count"
    assert value(after, count, **timed) - value(before, count, **timed) == pytest.approx(3)
    buckets = {
        dict(labels)["le"]
        for name, labels in after
        if name == "newsdesk_http_request_duration_seconds_bucket"
        and dict(labels)["route"] == "page:ArticlePage"
    }
    assert {"0.005", "0.1", "1.0", "10.0", "+Inf"} <= buckets
    assert value(after, "newsdesk_http_request_duration_seconds_bucket", **timed, le="+Inf") == (
        value(after, count, **timed)
    )
    # No path became a label value: the slugs readers typed are nowhere in the output.
    label_values = {v for _, labels in after for _, v in labels}
    assert not any("koursk" in v or "no-such-story" in v for v in label_values)
    assert value(after, "newsdesk_http_requests_in_progress") == 1  # the scrape itself


def test_named_routes_are_labelled_by_their_name(client, prometheus):
    before = prometheus()
    client.get("/healthz")
    client.head("/healthz")
    client.generic("BREW", "/healthz")
    after = prometheus()
    for method in ("GET", "HEAD", "other"):  # a method nobody knows adds no label value
        labels = {"method": method, "route": "healthz", "status": "200"}
        counted = "newsdesk_http_requests_total"
        assert value(after, counted, **labels) - value(before, counted, **labels) == 1, method
    # Scrapes are requests too, under their own route.
    scrapes = {"method": "GET", "route": "metrics", "status": "200"}
    assert value(after, "newsdesk_http_requests_total", **scrapes) >= 1


def test_a_failing_view_is_counted_as_a_500(settings, prometheus):
    settings.ROOT_URLCONF = __name__
    before = prometheus()
    response = Client(raise_request_exception=False).get("/boom")
    assert response.status_code == 500
    after = prometheus()
    labels = {"method": "GET", "route": "boom", "status": "500"}
    counted = "newsdesk_http_requests_total"
    assert value(after, counted, **labels) - value(before, counted, **labels) == 1


def test_an_exception_that_escapes_django_is_counted_and_raised_again(prometheus):
    """Django turns views' exceptions into 500 responses further in; one that still
    reaches the metrics middleware is counted as a 500 and not swallowed."""

    def broken_stack(request):
        raise RuntimeError("the stack below failed")

    labels = {"method": "GET", "route": "unmatched", "status": "500"}
    counted = "newsdesk_http_requests_total"
    before = prometheus()
    with pytest.raises(RuntimeError, match="the stack below failed"):
        MetricsMiddleware(broken_stack)(RequestFactory().get("/somewhere"))
    after = prometheus()
    assert value(after, counted, **labels) - value(before, counted, **labels) == 1
    assert value(after, "newsdesk_http_requests_in_progress") == 1  # only the scrape


# The cache ----------------------------------------------------------------------------


def test_cache_lookups_reported_by_the_backends_give_the_hit_ratio(prometheus):
    before = prometheus()
    record_cache_lookup("default", hit=True)
    record_cache_lookup("default", hit=True)
    record_cache_lookup("default", hit=False)
    record_cache_lookup("renditions", hit=False)
    after = prometheus()

    def delta(**labels):
        name = "newsdesk_cache_requests_total"
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta(cache="default", result="hit") == 2
    assert delta(cache="default", result="miss") == 1
    assert delta(cache="renditions", result="miss") == 1
    assert delta(cache="renditions", result="hit") == 0


# What the database knows --------------------------------------------------------------


def make_task(status=TaskResultStatus.READY, *, run_after=None, enqueued=None, queue="default"):
    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="newsdesk.distribution.webhooks.deliver_webhook",
        queue_name=queue,
        backend_name="default",
        run_after=run_after or get_date_max(),
        exception_class_path="",
        traceback="",
    )
    if enqueued:  # enqueued_at is set on creation; move it back in time
        DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued)
    return task


def test_the_task_queue_shows_waiting_scheduled_and_running_tasks(prometheus):
    now = timezone.now()
    make_task(enqueued=now - timedelta(minutes=20))
    make_task()
    make_task(run_after=now - timedelta(minutes=5), enqueued=now - timedelta(hours=2))
    make_task(run_after=now + timedelta(hours=1))  # a webhook retry, due later
    make_task(TaskResultStatus.RUNNING)
    make_task(queue="ingest")
    make_task(TaskResultStatus.SUCCESSFUL)
    make_task(TaskResultStatus.FAILED)

    samples = prometheus()
    depth = "newsdesk_task_queue_depth"
    assert value(samples, depth, queue="default", status="ready") == 3
    assert value(samples, depth, queue="default", status="scheduled") == 1
    assert value(samples, depth, queue="default", status="running") == 1
    assert value(samples, depth, queue="ingest", status="ready") == 1
    finished = {dict(labels)["status"] for name, labels in samples if name == depth} - {
        "ready",
        "scheduled",
        "running",
    }
    assert finished == set()
    # The oldest due task has waited 20 minutes: its retry time, not its enqueue time,
    # counts for the one scheduled two hours ago and due five minutes ago.
    age = value(samples, "newsdesk_task_queue_oldest_ready_age_seconds")
    assert 20 * 60 <= age < 2 * 60 * 60


def test_an_empty_queue_reports_no_wait(prometheus):
    make_task(TaskResultStatus.SUCCESSFUL)
    samples = prometheus()
    assert ("newsdesk_task_queue_oldest_ready_age_seconds", frozenset()) in samples
    assert value(samples, "newsdesk_task_queue_oldest_ready_age_seconds") == 0
    assert value(samples, "newsdesk_database_up") == 1


def test_ingest_counts_follow_the_inbox(prometheus):
    before = prometheus()
    for n in range(3):
        IngestItem.objects.create(key=f"feed-{n}", origin="feed", headline=f"Dépêche {n}")
    IngestItem.objects.create(key="web-1", origin="web", headline="Page", status="used")
    IngestItem.objects.create(key="wire-1", origin="ninjs", headline="Fil", status="duplicate")
    after = prometheus()

    def delta(**labels):
        name = "newsdesk_ingest_items"
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta(origin="feed", status="new") == 3
    assert delta(origin="web", status="used") == 1
    assert delta(origin="ninjs", status="duplicate") == 1
    assert delta(origin="web", status="new") == 0


def test_published_articles_are_counted_by_edition(homes, prometheus):
    before = prometheus()
    french = SectionFactory(parent=homes["fr"], title="Monde")
    english = SectionFactory(parent=homes["en"], title="World")
    ArticleFactory(section=french)
    ArticleFactory(section=french)
    ArticleFactory(section=french, live=False)  # a draft
    ArticleFactory(section=english)
    after = prometheus()

    def delta(edition):
        name = "newsdesk_articles_published"
        return value(after, name, edition=edition) - value(before, name, edition=edition)

    assert (delta("fr"), delta("en"), delta("vi")) == (2, 1, 0)


def test_build_info_names_the_versions(prometheus):
    from importlib.metadata import version

    info = [dict(labels) for name, labels in prometheus() if name == "newsdesk_build_info"]
    assert len(info) == 1
    assert info[0]["version"] == version("newsdesk")
    assert info[0]["django"] == version("django")
    assert info[0]["wagtail"] == version("wagtail")


@pytest.mark.parametrize(
    "failure",
    [
        OperationalError("connection to server at 127.0.0.1 port 5432 failed"),
        InterfaceError("connection already closed"),
    ],
)
def test_the_scrape_answers_when_the_database_does_not(db, client, settings, failure):
    settings.NEWSDESK_METRICS_TOKEN = TOKEN
    client.get("/healthz")

    def refuse(execute, sql, params, many, context):
        raise failure

    with connection.execute_wrapper(refuse):
        response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    samples = parse(response.content.decode())
    assert value(samples, "newsdesk_database_up") == 0
    assert not names(samples) & {
        "newsdesk_task_queue_depth",
        "newsdesk_ingest_items",
        "newsdesk_articles_published",
    }
    # What does not need the database is still there.
    assert value(
        samples, "newsdesk_http_requests_total", method="GET", route="healthz", status="200"
    )
    assert "newsdesk_build_info" in names(samples)


# Several worker processes -------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import sys

    import django

    django.setup()
    from django.test import Client

    from newsdesk.ops.metrics import record_cache_lookup

    client = Client()
    for _ in range(int(sys.argv[1])):
        assert client.get("/healthz").status_code == 200
    record_cache_lookup("default", hit=True)
    """
)


def test_the_scrape_sums_every_worker_process(tmp_path, monkeypatch, prometheus):
    """As under gunicorn: two processes answer requests, writing their figures to
    PROMETHEUS_MULTIPROC_DIR; the process that answers the scrape reports their sum."""
    folder = tmp_path / "prometheus"
    folder.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.test",
        "PROMETHEUS_MULTIPROC_DIR": str(folder),
        # The workers answer /healthz only; they never open this database.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(requests)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for requests in (2, 3)
    ]
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors
    assert len(list(folder.glob("*.db"))) >= 2

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))
    samples = prometheus()
    healthz = {"method": "GET", "route": "healthz", "status": "200"}
    assert value(samples, "newsdesk_http_requests_total", **healthz) == 5
    assert (
        value(
            samples,
            "newsdesk_http_request_duration_seconds_count",
            method="GET",
            route="healthz",
            status_class="2xx",
        )
        == 5
    )
    assert value(samples, "newsdesk_cache_requests_total", cache="default", result="hit") == 2
    assert value(samples, "newsdesk_http_requests_in_progress") == 0
    assert value(samples, "newsdesk_database_up") == 1
