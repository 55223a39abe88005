"""Tasks a killed worker left behind run again.

django-tasks' database worker marks a task RUNNING when it takes it and SUCCESSFUL or
FAILED when it ends; a worker killed in between (out of memory, SIGKILL, a lost machine)
leaves it RUNNING for ever. Newsdesk's worker ids are ``host:pid``, so at start a worker
puts back every task that a dead process of its own host was running, and the scheduler
puts back, on every pass, any task RUNNING for longer than ``NEWSDESK_TASK_LOST_AFTER``
seconds, whichever host took it.

A task that runs again must have its effect once: Newsdesk's tasks are upserts keyed on
stable ids (search entries, inbox items by guid, a delivery's status) and a webhook
delivery carries its id for the partner to ignore a repeat.
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

_HOST = socket.gethostname()[:48]  # a worker id has at most 64 characters


def worker_id() -> str:
    """This process's id among the workers: ``host:pid``."""
    return f"{_HOST}:{os.getpid()}"


def requeue_lost_tasks(*, now=None) -> list[str]:
    """Put back the tasks whose worker is gone; returns their ids."""
    now = now or timezone.now()
    lost_after = timedelta(seconds=settings.NEWSDESK_TASK_LOST_AFTER)
    requeued = []
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for task in running.only("id", "worker_ids", "started_at", "task_path"):
            if _is_lost(task, now=now, lost_after=lost_after):
                requeued.append(str(task.id))
                logger.warning(
                    "Task %s (%s) was left running by worker %s: it will run again.",
                    task.id,
                    task.task_path,
                    task.worker_ids[-1] if task.worker_ids else "?",
                )
        if requeued:
            DBTaskResult.objects.filter(id__in=requeued).update(
                status=TaskResultStatus.READY, started_at=None
            )
    return requeued


def _is_lost(task: DBTaskResult, *, now, lost_after: timedelta) -> bool:
    if task.started_at is None or now - task.started_at > lost_after:
        return True
    host, _, pid = (task.worker_ids[-1] if task.worker_ids else "").rpartition(":")
    if host != _HOST or not pid.isdigit():
        return False  # another machine's worker: only the time limit tells
    return not _process_exists(int(pid))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True
