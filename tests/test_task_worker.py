"""A worker killed in the middle of a task: after a restart the task runs again, and its
effect (here: a feed's stories in the inbox) happens once. Real processes: the worker is
`manage.py run_worker` with production settings, killed with SIGKILL."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.local_server import Reply, local_server_fixture  # noqa: F401 (the fixture)

from .conftest import ON_POSTGRESQL
from .processes import production_env
from .test_poll_sources import HTML_TYPE, STORIES, feed_items, news_page, rss

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A migrated SQLite database file, made once for the module."""
    folder = tmp_path_factory.mktemp("worker")
    env = worker_env(folder)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return folder


def worker_env(folder: Path) -> dict:
    return production_env(
        f"sqlite:///{folder / 'newsdesk.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        NEWSDESK_FETCH_ALLOW_PRIVATE="true",  # the feed is on this machine
        LOG_FORMAT="text",
    )


def shell(env: dict, code: str):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


STATE = """
import json
from django_tasks_db.models import DBTaskResult
from newsdesk.ingest.models import IngestItem
task = DBTaskResult.objects.get(task_path__endswith=".poll_source")
print(json.dumps({"status": task.status, "workers": task.worker_ids,
                  "keys": sorted(IngestItem.objects.values_list("key", flat=True))}))
"""


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.1)


@pytest.mark.skipif(ON_POSTGRESQL, reason="its processes use SQLite: it runs in the SQLite run")
def test_a_task_cut_short_by_a_killed_worker_runs_again_once(migrated, local_server):
    env = worker_env(migrated)
    release = threading.Event()
    first, second = list(STORIES)
    local_server.route("/rss.xml", body=rss(feed_items(local_server)))
    local_server.route(first, body=news_page(*STORIES[first]), headers=HTML_TYPE)

    def slow_the_first_time(request):
        if local_server.hits[second] == 1:
            release.wait(60)  # the worker dies while it waits for this page
        return Reply(body=news_page(*STORIES[second]), headers=HTML_TYPE)

    local_server.route(second, slow_the_first_time)
    shell(
        env,
        "import json\n"
        "from newsdesk.ingest.models import Source\n"
        "from newsdesk.ingest.tasks import poll_source\n"
        f"source = Source.objects.create(kind='feed', name='Le Courrier', "
        f"feed_url={local_server.url('/rss.xml')!r})\n"
        "print(json.dumps(str(poll_source.enqueue(source.pk).id)))",
    )

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(lambda: local_server.hits[second] >= 1, 60, "the worker to fetch the feed")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        release.set()
    cut_short = shell(env, STATE)
    assert cut_short["status"] == "RUNNING"  # what the dead worker left behind
    assert len(cut_short["keys"]) <= 1

    again = subprocess.run(
        [sys.executable, "manage.py", "run_worker", "--batch", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "was left running by a stopped worker: queued again" in again.stdout
    done = shell(env, STATE)
    assert done["status"] == "SUCCESSFUL"
    assert len(done["workers"]) == 2  # the killed worker, then the new one
    assert done["keys"] == sorted(set(done["keys"]))
    assert len(done["keys"]) == 2  # each story of the feed once


def running_task(worker: str, started_minutes_ago: int):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    return DBTaskResult.objects.create(
        status="RUNNING",
        task_path="newsdesk.ingest.tasks.poll_due_sources",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=[worker],
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
    )


def test_which_running_tasks_are_taken_for_lost(db, settings):
    from newsdesk.ops.tasks_recovery import requeue_lost_tasks, worker_id

    settings.NEWSDESK_TASK_LOST_AFTER = 3600
    host = worker_id().rpartition(":")[0]
    this_worker = running_task(worker_id(), 1)  # this very process: alive
    dead_here = running_task(f"{host}:999999999", 1)  # no such process on this machine
    elsewhere = running_task("other-machine:123", 5)  # another machine: may well be busy
    stuck_elsewhere = running_task("other-machine:456", 61)  # past the limit

    requeued = requeue_lost_tasks()

    assert sorted(requeued) == sorted([str(dead_here.id), str(stuck_elsewhere.id)])
    for task in (this_worker, dead_here, elsewhere, stuck_elsewhere):
        task.refresh_from_db()
    assert (this_worker.status, elsewhere.status) == ("RUNNING", "RUNNING")
    assert (dead_here.status, stuck_elsewhere.status) == ("READY", "READY")
    assert dead_here.started_at is None
