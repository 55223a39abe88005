"""gunicorn's settings for Newsdesk, from the environment:
``gunicorn --config python:newsdesk.ops.gunicorn_config newsdesk.wsgi``.

GUNICORN_BIND (127.0.0.1:8000), GUNICORN_WORKERS (2 × cores + 1), GUNICORN_THREADS (4),
GUNICORN_TIMEOUT (30 s), GUNICORN_MAX_REQUESTS (2,000, with jitter, so a slow leak never
grows without bound). Access lines go to the application's own log (one per request, with
its request id), so gunicorn's access log is off.
"""

import multiprocessing
import os

from newsdesk.lib.env import env_int, env_str

bind = env_str("GUNICORN_BIND", "127.0.0.1:8000")
workers = env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
threads = env_int("GUNICORN_THREADS", 4)
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
forwarded_allow_ips = env_str("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = None
errorlog = "-"
pidfile = env_str("GUNICORN_PIDFILE", "") or None
# The application is loaded in each worker, after the fork: database and Redis connections
# are never shared between processes.
preload_app = False


def on_starting(server):
    """Metrics from several worker processes are summed through files in
    PROMETHEUS_MULTIPROC_DIR; files left by an earlier run would be counted again."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.endswith(".db"):
                os.remove(os.path.join(folder, name))


def child_exit(server, worker):
    """A worker that exits no longer reports its live gauges."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
