"""What an operator installs from deploy/ works as its README says.

The processes it starts (Procfile, systemd units, README commands) run commands that exist;
gunicorn takes its settings from the environment; the example environment names every
variable Newsdesk reads and, with its secret filled in, passes production's checks; the units
and the nginx site are valid and agree with each other. Where nginx is installed, it really
runs the site in front of a small application: pages are cached, signed-in users bypass the
cache, a purge from the machine drops a page, and readers keep getting the cached page while
the application fails or is gone.
"""

import contextlib
import gzip
import http.client
import os
import re
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from tests.local_server import LocalServer, Reply

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SITE_FILE = DEPLOY / "nginx" / "newsdesk.conf"
ENV_EXAMPLE = DEPLOY / "newsdesk.env.example"
UNITS = DEPLOY / "systemd"
SERVICES = ["newsdesk-web.service", "newsdesk-worker.service", "newsdesk-scheduler.service"]
VENV_BIN = Path(sys.executable).parent

# Variables Newsdesk reads that a server must not set, so the example leaves them out.
DEV_ONLY_VARIABLES = {
    # Lets ingest fetch from loopback and private addresses: for local test servers only.
    "NEWSDESK_FETCH_ALLOW_PRIVATE",
}
HOST = "newsdesk.example.com"
NGINX_MODULES = {
    "ngx_http_brotli_filter_module.so": "libnginx-mod-http-brotli-filter",
    "ngx_http_brotli_static_module.so": "libnginx-mod-http-brotli-static",
    "ngx_http_cache_purge_module.so": "libnginx-mod-http-cache-purge",
}


# Reading the files.


def read_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit as {section: {key: [values]}}: keys such as Environment= repeat, which
    configparser would merge. Every line must be a comment, a section or a key=value."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        key, equals, value = line.partition("=")
        assert equals and current is not None and re.fullmatch(r"[A-Za-z]+", key), (
            f"{path.name}, line {number}: not a section, a comment or Key=value: {line!r}"
        )
        current.setdefault(key, []).append(value)
    return sections


def one(unit: dict, section: str, key: str) -> str:
    values = unit.get(section, {}).get(key)
    assert values, f"[{section}] {key}= is missing"
    return values[-1]


def procfile() -> dict[str, str]:
    processes = {}
    for line in (DEPLOY / "Procfile").read_text().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_-]+):\s*(.+)", line)
        if match:
            processes[match[1]] = match[2]
    return processes


def example_environment() -> dict[str, str]:
    """The example's uncommented values, read as systemd's EnvironmentFile= reads them."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, equals, value = line.partition("=")
        assert equals and re.fullmatch(r"[A-Z][A-Z0-9_]*", name), f"not NAME=value: {line!r}"
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        values[name] = value
    return values


def listed_in_example() -> set[str]:
    """Every variable the example names, set or commented out (`#NAME=default`)."""
    return set(re.findall(r"(?m)^#?([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text()))


def variables_newsdesk_reads() -> dict[str, str]:
    """NAME -> file, for every env_*("NAME") and os.environ / os.getenv read in the settings
    and the gunicorn configuration."""
    files = [*sorted((ROOT / "newsdesk" / "settings").glob("*.py"))]
    files.append(ROOT / "newsdesk" / "ops" / "gunicorn_config.py")
    patterns = [
        r"\benv_[a-z]+\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']",
        r"\bos\.environ(?:\.get\(|\[)\s*[\"']([A-Z][A-Z0-9_]*)[\"']",
        r"\bos\.getenv\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']",
    ]
    found = {}
    for path in files:
        text = path.read_text()
        for pattern in patterns:
            for name in re.findall(pattern, text):
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def commands_of(line: str) -> list[list[str]]:
    """The simple commands of a shell line (split on &&), each without leading NAME=value."""
    commands = []
    for part in line.split("&&"):
        words = shlex.split(part)
        while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
            words.pop(0)
        commands.append(words)
    return commands


def management_command(words: list[str]) -> str | None:
    """`newsdesk NAME …` (the console script) -> NAME."""
    if words and Path(words[0]).name == "newsdesk":
        return words[1]
    return None


# The processes.


def test_procfile_and_units_start_commands_that_exist():
    processes = procfile()
    assert set(processes) == {"release", "web", "worker", "scheduler"}
    lines = dict(processes)
    for service in SERVICES:
        lines[service] = one(read_unit(UNITS / service), "Service", "ExecStart")
    available = get_commands()
    for where, line in lines.items():
        for words in commands_of(line):
            name = management_command(words)
            if name is not None:
                assert name in available, f"{where}: `newsdesk {name}` is not a command"
                continue
            assert Path(words[0]).name == "gunicorn", f"{where}: unexpected program {words[0]}"
            assert words[1:] == [
                "--config",
                "python:newsdesk.ops.gunicorn_config",
                "newsdesk.wsgi",
            ], f"{where}: {line}"
    assert [management_command(w) for w in commands_of(processes["release"])] == [
        "migrate",
        "collectstatic",
    ]
    assert management_command(commands_of(processes["worker"])[0]) == "run_worker"
    assert management_command(commands_of(processes["scheduler"])[0]) == "run_scheduler"


def test_readme_and_helper_use_commands_that_exist():
    readme = (DEPLOY / "README.md").read_text()
    blocks = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", readme, re.S))
    named = set(re.findall(r"newsdesk-manage ([a-z][a-z_]+)", blocks))
    assert {"migrate", "collectstatic", "backup", "restore"} <= named
    missing = named - set(get_commands())
    assert not missing, f"deploy/README.md runs commands that do not exist: {sorted(missing)}"
    helper = DEPLOY / "newsdesk-manage"
    assert os.access(helper, os.X_OK), "deploy/newsdesk-manage must be executable"
    subprocess.run(["sh", "-n", str(helper)], check=True)


def run_gunicorn(option: str, env: dict) -> subprocess.CompletedProcess:
    """The web unit's own command line, with --print-config or --check-config: gunicorn reads
    its configuration module and loads the application, then exits."""
    command = [str(VENV_BIN / "gunicorn"), "--config", "python:newsdesk.ops.gunicorn_config"]
    return subprocess.run(
        [*command, option, "newsdesk.wsgi"],
        env={"PATH": os.environ["PATH"], **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_gunicorn_takes_its_settings_from_the_environment(tmp_path):
    result = run_gunicorn(
        "--print-config",
        {
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings.test",
            "GUNICORN_BIND": "127.0.0.1:8123",
            "GUNICORN_WORKERS": "3",
            "GUNICORN_THREADS": "2",
            "GUNICORN_TIMEOUT": "45",
            "GUNICORN_MAX_REQUESTS": "500",
        },
    )
    assert result.returncode == 0, result.stderr
    printed = dict(re.findall(r"(?m)^(\w+)\s+= (.*)$", result.stdout))
    assert printed["bind"] == "['127.0.0.1:8123']"
    assert printed["workers"] == "3"
    assert printed["threads"] == "2"
    assert printed["timeout"] == "45"
    assert printed["max_requests"] == "500"
    # Behind nginx on this machine: its X-Forwarded-* headers are trusted, nobody else's.
    assert printed["forwarded_allow_ips"] == "['127.0.0.1', '::1']"

    wrong = run_gunicorn(
        "--check-config",
        {"DJANGO_SETTINGS_MODULE": "newsdesk.settings.test", "GUNICORN_WORKERS": "three"},
    )
    assert wrong.returncode != 0
    assert "GUNICORN_WORKERS must be a whole number, not 'three'" in wrong.stderr + wrong.stdout


# The environment.


def test_example_environment_names_every_variable_newsdesk_reads():
    read = variables_newsdesk_reads()
    assert {"SECRET_KEY", "DATABASE_URL", "GUNICORN_WORKERS"} <= set(read), read
    listed = listed_in_example()
    missing = {name: where for name, where in read.items() if name not in listed}
    missing = {name: where for name, where in missing.items() if name not in DEV_ONLY_VARIABLES}
    assert not missing, (
        f"deploy/newsdesk.env.example does not name these variables (add them, commented out "
        f"with their default if optional): {missing}"
    )
    assert not DEV_ONLY_VARIABLES & listed, "a development-only variable is in the example"


def test_example_environment_with_a_secret_passes_production_checks():
    """The operator copies the example, fills in SECRET_KEY as it says, and Newsdesk's
    production settings load and pass `check --deploy` (warnings allowed)."""
    env = example_environment()
    assert env["DJANGO_SETTINGS_MODULE"] == "newsdesk.settings.production"
    assert env["SECRET_KEY"] == "", "the example must not ship a usable secret"
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    result = subprocess.run(
        [str(VENV_BIN / "newsdesk"), "check", "--deploy", "--fail-level", "ERROR"],
        env={"PATH": os.environ["PATH"], **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout


# The systemd units.


def test_units_run_newsdesk_hardened_and_stop_gracefully():
    target = read_unit(UNITS / "newsdesk.target")
    assert set(one(target, "Unit", "Wants").split()) == set(SERVICES)
    assert one(target, "Install", "WantedBy") == "multi-user.target"
    assert sorted(p.name for p in UNITS.glob("*.service")) == sorted(SERVICES)

    import newsdesk.ops.gunicorn_config as gunicorn_config

    for service in SERVICES:
        unit = read_unit(UNITS / service)
        where = service
        assert one(unit, "Unit", "PartOf") == "newsdesk.target", where
        assert one(unit, "Install", "WantedBy") == "newsdesk.target", where
        assert one(unit, "Service", "User") == "newsdesk", where
        assert one(unit, "Service", "WorkingDirectory") == "/srv/newsdesk", where
        assert one(unit, "Service", "EnvironmentFile") == "/etc/newsdesk/newsdesk.env", where
        environment = unit["Service"]["Environment"]
        assert "DJANGO_SETTINGS_MODULE=newsdesk.settings.production" in environment, where
        assert one(unit, "Service", "Restart") == "on-failure", where
        for key, value in {
            "NoNewPrivileges": "yes",
            "PrivateTmp": "yes",
            "ProtectSystem": "strict",
            "ProtectHome": "yes",
            "KillSignal": "SIGTERM",
            "KillMode": "mixed",
        }.items():
            assert one(unit, "Service", key) == value, f"{where}: {key}"
        assert int(one(unit, "Service", "TimeoutStopSec")) >= 45, where

    web = read_unit(UNITS / "newsdesk-web.service")
    assert one(web, "Service", "ExecReload") == "/bin/kill -HUP $MAINPID"
    assert one(web, "Service", "Type") == "notify"
    # gunicorn's graceful stop must end before systemd kills what is left.
    assert int(one(web, "Service", "TimeoutStopSec")) > gunicorn_config.graceful_timeout
    runtime = one(web, "Service", "RuntimeDirectory")
    assert f"PROMETHEUS_MULTIPROC_DIR=%t/{runtime}" in web["Service"]["Environment"]
    # The worker may be in the middle of a task: it gets minutes, not seconds.
    worker = read_unit(UNITS / "newsdesk-worker.service")
    assert int(one(worker, "Service", "TimeoutStopSec")) >= 120


def test_files_agree_on_paths_and_addresses():
    env = example_environment()
    site = SITE_FILE.read_text()
    venv_bins = set()
    for service in SERVICES:
        unit = read_unit(UNITS / service)
        assert unit["Service"]["ReadWritePaths"] == [f"-{env['MEDIA_ROOT']}"], service
        venv_bins.add(str(Path(shlex.split(one(unit, "Service", "ExecStart"))[0]).parent))
    helper = (DEPLOY / "newsdesk-manage").read_text()
    assert venv_bins == {"/srv/newsdesk/.venv/bin"}
    assert "/srv/newsdesk/.venv/bin/newsdesk" in helper
    assert "EnvironmentFile=/etc/newsdesk/newsdesk.env" in helper
    # nginx serves the folders the settings write to, and proxies to where gunicorn listens.
    assert re.search(rf"location /media/ \{{\s*alias {re.escape(env['MEDIA_ROOT'])}/;", site)
    static = Path("/srv/newsdesk") / Path(settings.STATIC_ROOT).relative_to(settings.BASE_DIR)
    assert re.search(rf"location /static/ \{{\s*alias {static}/;", site)
    assert f"server {env['GUNICORN_BIND']};" in site


def test_systemd_accepts_the_units(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed: the units were not verified by systemd")
    for program in ("gunicorn", "newsdesk"):
        if not (VENV_BIN / program).exists():
            pytest.skip(f"{VENV_BIN / program} is missing: the units cannot be verified")
    # The units name the server's virtualenv; here, this one's programs stand in for it.
    for path in UNITS.iterdir():
        text = path.read_text().replace("/srv/newsdesk/.venv/bin/", f"{VENV_BIN}/")
        (tmp_path / path.name).write_text(text)
    names = ["newsdesk.target", *SERVICES]
    result = subprocess.run(
        ["systemd-analyze", "verify", *(f"./{name}" for name in names)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    complaints = [
        line for line in result.stderr.splitlines() if any(name in line for name in names)
    ]
    assert result.returncode == 0 and not complaints, result.stderr


# nginx.


def nginx_or_skip() -> tuple[str, Path]:
    """nginx and its modules folder; the test is skipped, saying why, where they are missing."""
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if os.path.exists(p)), None
    )
    if nginx is None:
        pytest.skip(
            "nginx is not installed (Debian: apt-get install nginx "
            + " ".join(sorted(NGINX_MODULES.values()))
            + "): deploy/nginx/newsdesk.conf was not checked"
        )
    version = subprocess.run([nginx, "-V"], capture_output=True, text=True).stderr
    match = re.search(r"--modules-path=(\S+)", version)
    modules = Path(match[1] if match else "/usr/lib/nginx/modules")
    missing = [package for so, package in NGINX_MODULES.items() if not (modules / so).exists()]
    if missing:
        pytest.skip(f"nginx lacks modules the site needs (apt-get install {' '.join(missing)})")
    return nginx, modules


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed: no certificate for nginx's HTTPS server")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-days", "2", "-subj", f"/CN={HOST}", "-keyout", key, "-out", cert],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def substitute(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/newsdesk.conf no longer contains {old!r}"
        text = text.replace(old, new)
    return text


def site_with_paths(folder: Path) -> str:
    """The site file with its files, folders and certificates moved into ``folder``."""
    cert, key = self_signed_certificate(folder)
    for sub in ("logs", "cache", "acme", "var/static", "var/media"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return substitute(
        SITE_FILE.read_text(),
        {
            f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(cert),
            f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
            "/var/cache/nginx/newsdesk": str(folder / "cache"),
            "/var/log/nginx/": f"{folder / 'logs'}/",
            "/srv/newsdesk/var/": f"{folder / 'var'}/",
            "/var/www/html": str(folder / "acme"),
        },
    )


def main_config(folder: Path, modules: Path, site: str) -> Path:
    """A throw-away nginx.conf around the site, everything under ``folder``."""
    (folder / "site.conf").write_text(site)
    loads = "".join(f"load_module {modules / so};\n" for so in NGINX_MODULES)
    temp = "".join(
        f"    {kind}_temp_path {folder / 'temp' / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "temp").mkdir(exist_ok=True)
    # As root, nginx's workers would otherwise run as nobody, who cannot enter pytest's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    mime = "/etc/nginx/mime.types"
    types = f"include {mime};" if os.path.exists(mime) else "types { text/css css; }"
    config = folder / "nginx.conf"
    config.write_text(
        f"{loads}{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'logs' / 'error.log'} warn;\n"
        f"events {{ worker_connections 128; }}\n"
        f"http {{\n    {types}\n    default_type application/octet-stream;\n{temp}"
        f"    include {folder / 'site.conf'};\n}}\n"
    )
    return config


def test_nginx_accepts_the_site_as_shipped(tmp_path):
    """Only the certificate and the folders move: listen lines, TLS, cache and purge settings
    are checked as an operator installs them."""
    nginx, modules = nginx_or_skip()
    config = main_config(tmp_path, modules, site_with_paths(tmp_path))
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "err.log")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # nginx 1.25.1 and later prefer `http2 on;`, which Debian 12's nginx (1.22) does not know.
    warnings = [
        line
        for line in result.stderr.splitlines()
        if "[warn]" in line and '"listen ... http2" directive is deprecated' not in line
    ]
    assert not warnings, result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site:
    """nginx running deploy/nginx/newsdesk.conf on high ports of 127.0.0.1, in front of
    ``upstream``; ``fetch`` speaks HTTPS to it as a reader's browser would."""

    def __init__(self, folder: Path, upstream: LocalServer):
        self.folder, self.upstream = folder, upstream
        self.nginx, self.modules = nginx_or_skip()
        self.site = site_with_paths(folder)
        self.process = None

    def start(self) -> "Site":
        for _ in range(3):  # a port taken between the probe and nginx's bind: new ports
            self.https_port, self.http_port, self.purge_port = free_port(), free_port(), free_port()
            site = substitute(
                self.site,
                {
                    "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https_port} ssl http2;",
                    "listen [::]:443 ssl http2;": "",
                    "listen 80;": f"listen 127.0.0.1:{self.http_port};",
                    "listen [::]:80;": "",
                    "listen 127.0.0.1:80;": f"listen 127.0.0.1:{self.purge_port};",
                    "listen [::1]:80;": "",
                    "server 127.0.0.1:8000;": f"server 127.0.0.1:{self.upstream.port};",
                },
            )
            config = main_config(self.folder, self.modules, site)
            log = self.folder / "logs" / "error.log"
            self.process = subprocess.Popen(
                [self.nginx, "-p", str(self.folder), "-c", str(config), "-e", str(log)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if self._wait_until_listening():
                return self
            self.stop()
            if "Address already in use" not in log.read_text():
                break
        pytest.fail(f"nginx did not start:\n{(self.folder / 'logs' / 'error.log').read_text()}")

    def _wait_until_listening(self) -> bool:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.https_port), timeout=1).close()
                return True
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def fetch(self, path, *, method="GET", headers=None, body=None) -> http.client.HTTPResponse:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.https_port, context=context, timeout=20
        )
        return self._exchange(connection, method, path, {"Host": HOST, **(headers or {})}, body)

    def fetch_http(self, path) -> http.client.HTTPResponse:
        """A request to the plain-HTTP server, as a reader's browser typing the address."""
        connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=20)
        return self._exchange(connection, "GET", path, {"Host": HOST}, None)

    def purge(self, path, *, source="127.0.0.1") -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.purge_port, timeout=20, source_address=(source, 0)
        )
        return self._exchange(connection, "PURGE", path, {}, None)

    def _exchange(self, connection, method, path, headers, body) -> http.client.HTTPResponse:
        """One request on its own connection; the response comes back read, with ``.content``
        and ``.text``. A connection nginx drops fails the test with nginx's error log."""
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.content = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError) as error:
            log = (self.folder / "logs" / "error.log").read_text()[-2000:]
            pytest.fail(f"nginx dropped {method} {path} ({error}); its error log:\n{log}")
        finally:
            connection.close()
        response.text = response.content.decode("utf-8", "replace")
        return response


def page(body: str, **headers) -> Reply:
    """What Django sends for a reader's page. ``Connection: close``: nginx then opens a new
    connection for each request, so a stopped upstream is really gone."""
    return Reply(
        body=body,
        headers={"Content-Type": "text/html; charset=utf-8", "Connection": "close", **headers},
    )


@pytest.fixture
def upstream():
    with LocalServer() as server:
        yield server


@pytest.fixture
def site(tmp_path, upstream):
    running = Site(tmp_path, upstream)
    try:
        yield running.start()
    finally:
        running.stop()


def test_readers_pages_are_cached_and_signed_in_users_bypass_the_cache(site, upstream):
    upstream.route("/fr/", page("<h1>Édition v1</h1>", **{"Cache-Control": "max-age=300"}))
    first = site.fetch("/fr/")
    assert (first.status, first.headers["X-Cache-Status"]) == (200, "MISS")
    # What Django is told: the reader's address, HTTPS, the host, and nginx's request id.
    seen = upstream.requests[-1].headers
    assert seen["X-Forwarded-Proto"] == "https"
    assert seen["X-Forwarded-For"] == "127.0.0.1"
    assert seen["Host"] == seen["X-Forwarded-Host"] == HOST
    assert seen["X-Request-ID"] == first.headers["X-Request-ID"]
    assert seen["Accept-Encoding"] is None

    second = site.fetch("/fr/")
    assert (second.headers["X-Cache-Status"], second.text) == ("HIT", "<h1>Édition v1</h1>")
    assert second.headers["X-Request-ID"] != first.headers["X-Request-ID"]
    assert upstream.hits["/fr/"] == 1
    # Another cookie (analytics, a reader's preference) still gets the cached page.
    assert site.fetch("/fr/", headers={"Cookie": "_ga=GA1.1; theme=dark"}).headers[
        "X-Cache-Status"
    ] == ("HIT")

    # A journalist who is signed in gets Django's fresh page, which is not stored for readers.
    upstream.route("/fr/", page("<h1>Édition v2</h1>"))
    for cookie in ("sessionid=abc123", "theme=dark; csrftoken=xyz"):
        signed_in = site.fetch("/fr/", headers={"Cookie": cookie})
        assert (signed_in.headers["X-Cache-Status"], signed_in.text) == (
            "BYPASS",
            "<h1>Édition v2</h1>",
        )
    api = site.fetch("/fr/", headers={"Authorization": "Bearer token"})
    assert api.headers["X-Cache-Status"] == "BYPASS"
    assert site.fetch("/fr/").text == "<h1>Édition v1</h1>"
    assert upstream.hits["/fr/"] == 4


def test_private_pages_the_newsroom_and_probes_are_never_cached(site, upstream):
    upstream.route("/fr/account/", page("mine", **{"Cache-Control": "private"}))
    upstream.route("/fr/never/", page("fresh", **{"Cache-Control": "no-cache, no-store"}))
    upstream.route("/fr/zero/", page("now", **{"Cache-Control": "public, max-age=0"}))
    upstream.route("/fr/cookie/", page("a form", **{"Set-Cookie": "csrftoken=abc; Path=/"}))
    for path in ("/admin/", "/preview/token/", "/api/ingest/ninjs/", "/documents/1/a.pdf"):
        upstream.route(path, page("newsroom"))
    for path in ("/healthz", "/readyz", "/metrics"):
        upstream.route(path, page("ok"))
    paths = [
        "/fr/account/",
        "/fr/never/",
        "/fr/zero/",
        "/fr/cookie/",
        "/admin/",
        "/preview/token/",
        "/api/ingest/ninjs/",
        "/documents/1/a.pdf",
        "/healthz",
        "/readyz",
        "/metrics",  # from 127.0.0.1: passed through (Django then asks for the token)
    ]
    for path in paths:
        for _ in range(2):
            response = site.fetch(path)
            assert response.status == 200, path
            assert response.headers["X-Cache-Status"] in (None, "MISS"), path
    assert {path: upstream.hits[path] for path in paths} == dict.fromkeys(paths, 2)


def test_a_purge_from_this_machine_drops_the_page(site, upstream):
    upstream.route("/fr/politique/budget/", page("v1"))
    site.fetch("/fr/politique/budget/")
    assert site.fetch("/fr/politique/budget/").headers["X-Cache-Status"] == "HIT"

    # A reader's PURGE through the public server is only a request Django refuses.
    site.fetch("/fr/politique/budget/", method="PURGE")
    assert site.fetch("/fr/politique/budget/").headers["X-Cache-Status"] == "HIT"

    upstream.route("/fr/politique/budget/", page("v2 (corrected)"))
    assert site.purge("/fr/politique/budget/").status == 200
    fresh = site.fetch("/fr/politique/budget/")
    assert (fresh.headers["X-Cache-Status"], fresh.text) == ("MISS", "v2 (corrected)")
    assert site.purge("/fr/not-cached/").status == 404


def test_a_purge_from_another_address_is_refused(site, upstream):
    upstream.route("/fr/", page("v1"))
    site.fetch("/fr/")
    try:
        refused = site.purge("/fr/", source="127.0.0.2")
    except OSError as error:
        pytest.skip(f"cannot send from 127.0.0.2 on this machine: {error}")
    assert refused.status == 403
    assert site.fetch("/fr/").headers["X-Cache-Status"] == "HIT"


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + 15
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited 15 s for {what}")
        time.sleep(0.05)


def wait_until_expired(site, path) -> http.client.HTTPResponse:
    """Ask until nginx no longer answers from a fresh entry (X-Accel-Expires: 1 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        response = site.fetch(path)
        if response.headers["X-Cache-Status"] != "HIT":
            return response
        time.sleep(0.2)
    pytest.fail(f"{path} stayed fresh in nginx's cache for 30 s")


def test_readers_get_the_cached_page_while_the_application_fails_or_is_gone(site, upstream):
    upstream.route("/fr/", page("<h1>Front page</h1>", **{"X-Accel-Expires": "1"}))
    assert site.fetch("/fr/").text == "<h1>Front page</h1>"

    # The database is down: Django answers 503 (or 500).
    upstream.route("/fr/", Reply(503, "database unavailable", {"Connection": "close"}))
    upstream.route("/fr/other/", Reply(503, "database unavailable", {"Connection": "close"}))
    answer = wait_until_expired(site, "/fr/")
    assert answer.status == 200
    assert (answer.text, answer.headers["X-Cache-Status"]) == ("<h1>Front page</h1>", "STALE")
    # nginx asked Django again in the background, got the 503, and kept the page.
    wait_for(lambda: upstream.hits["/fr/"] >= 2, "nginx to ask the application again")
    answer = site.fetch("/fr/")
    assert answer.status == 200
    assert (answer.text, answer.headers["X-Cache-Status"]) == ("<h1>Front page</h1>", "STALE")
    assert site.fetch("/fr/other/").status == 503  # never cached: nothing to fall back on

    # gunicorn is stopped: nothing listens any more.
    upstream.stop()
    answer = site.fetch("/fr/")
    assert answer.status == 200
    assert (answer.text, answer.headers["X-Cache-Status"]) == ("<h1>Front page</h1>", "STALE")
    assert site.fetch("/fr/other/").status == 502


def test_static_and_media_files_come_from_disk_with_their_cache_headers(site, upstream):
    var = site.folder / "var"
    (var / "static" / "css").mkdir()
    css = b"body { color: #111; }\n" * 40
    (var / "static" / "css" / "site.0123456789ab.css").write_bytes(css)
    (var / "static" / "css" / "site.0123456789ab.css.gz").write_bytes(gzip.compress(css))
    (var / "static" / "css" / "site.0123456789ab.css.br").write_bytes(b"brotli bytes")
    (var / "static" / "css" / "site.css").write_bytes(css)
    (var / "media" / "images").mkdir()
    (var / "media" / "images" / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    (var / "media" / "documents").mkdir()
    (var / "media" / "documents" / "contract.pdf").write_bytes(b"%PDF confidential")

    hashed = site.fetch("/static/css/site.0123456789ab.css", headers={"Accept-Encoding": "br"})
    assert hashed.status == 200
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # collectstatic's precompressed files are sent as they are.
    assert (hashed.headers["Content-Encoding"], hashed.content) == ("br", b"brotli bytes")
    zipped = site.fetch("/static/css/site.0123456789ab.css", headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(zipped.content) == css
    plain = site.fetch("/static/css/site.css")
    assert (plain.content, plain.headers["Cache-Control"]) == (css, "public, max-age=3600")

    photo = site.fetch("/media/images/photo.jpg")
    assert (photo.status, photo.content) == (200, b"\xff\xd8 a photo")
    assert photo.headers["Cache-Control"] == "public, max-age=2592000"
    assert photo.headers["X-Content-Type-Options"] == "nosniff"
    # Documents go through Django, which checks who may read them; never from disk.
    assert site.fetch("/media/documents/contract.pdf").status == 404
    assert sum(upstream.hits.values()) == 0


def test_pages_are_compressed_and_http_goes_to_https(site, upstream):
    html = "<p>" + "Tin tức trong ngày. " * 200 + "</p>"
    upstream.route("/vi/", page(html))
    for encoding in ("br", "gzip"):
        response = site.fetch("/vi/", headers={"Accept-Encoding": encoding})
        assert response.headers["Content-Encoding"] == encoding
    assert gzip.decompress(response.content).decode() == html

    redirect = site.fetch_http("/fr/?page=2")
    assert redirect.status == 301
    assert redirect.headers["Location"] == f"https://{HOST}/fr/?page=2"
    challenge = site.folder / "acme" / ".well-known" / "acme-challenge"
    challenge.mkdir(parents=True)
    (challenge / "token123").write_text("token123.proof")
    answer = site.fetch_http("/.well-known/acme-challenge/token123")
    assert (answer.status, answer.text) == (200, "token123.proof")


def test_an_upload_over_the_limit_is_refused_before_it_reaches_django(site, upstream):
    upstream.route("/admin/images/multiple/add/", page("uploaded"))
    small = site.fetch(
        "/admin/images/multiple/add/", method="POST", body=b"x" * 1024 * 1024
    )  # 1 MB: a photo
    assert small.status == 200
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", site.https_port), timeout=20) as raw,
        context.wrap_socket(raw) as tls,
    ):
        tls.sendall(
            f"POST /admin/images/multiple/add/ HTTP/1.1\r\nHost: {HOST}\r\n"
            f"Content-Length: {60 * 1024 * 1024}\r\n\r\n".encode()
        )
        assert tls.recv(64).startswith(b"HTTP/1.1 413")
    assert upstream.hits["/admin/images/multiple/add/"] == 1
