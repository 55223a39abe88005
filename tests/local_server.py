"""A local HTTP server for tests that fetch through ``newsdesk.lib.fetch`` (no network).

Routes are set per test; every request is recorded and counted per path::

    from tests.local_server import Reply, local_server_fixture  # noqa: F401 (the fixture)

    def test_feed(local_server, settings):
        settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True  # the safe client refuses 127.0.0.1
        local_server.route("/feed.xml", body=FEED, headers={"Content-Type": "application/rss+xml"})
        local_server.route(
            "/etag.xml",
            lambda request: Reply(304)
            if request.headers.get("If-None-Match") == '"v1"'
            else Reply(body=FEED, headers={"ETag": '"v1"'}),
        )
        local_server.redirect("/old", "/feed.xml")
        fetch(local_server.url("/feed.xml"))
        assert local_server.hits["/feed.xml"] == 1

A path without a route answers 404 (and is counted too). ``Reply`` can also wait before
answering (``delay``), stream its body in chunks with pauses (``chunked``, ``pause``) or
send it with no length at all (``length=False``: the body ends when the connection closes).
"""

import contextlib
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest


@dataclass
class Reply:
    """What a route answers."""

    status: int = 200
    body: bytes | str = b""
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before the status line (time-out tests)
    chunked: bool = False  # Transfer-Encoding: chunked, in pieces of ``chunk_size``
    chunk_size: int = 16 * 1024
    pause: float = 0.0  # seconds between chunks (a slow body)
    length: bool = True  # send Content-Length (ignored when chunked)

    @property
    def content(self) -> bytes:
        return self.body.encode() if isinstance(self.body, str) else self.body


@dataclass
class Request:
    """A request the server received."""

    method: str
    path: str  # with its query string
    headers: Message  # case-insensitive: ``request.headers.get("if-none-match")``
    body: bytes = b""


Answer = Reply | Callable[[Request], Reply]


class LocalServer:
    """A threaded HTTP/1.1 server on ``host`` (127.0.0.1) and a free port."""

    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Answer] = {}
        self.requests: list[Request] = []
        self.hits: Counter = Counter()  # path (without query) -> requests received
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.server = ThreadingHTTPServer((host, 0), self._handler_class())
        self.server.daemon_threads = True
        self.host, self.port = self.server.server_address[:2]
        self.base_url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # Set-up, from a test.

    def route(self, path: str, answer: Answer | None = None, /, **reply) -> None:
        """Answer ``path`` with ``answer`` (a ``Reply``, or a callable taking the
        ``Request`` and returning one), or with ``Reply(**reply)``. A path with a query
        string matches that query only; one without matches any query."""
        self.routes[path] = answer if answer is not None else Reply(**reply)

    def redirect(self, path: str, to: str, *, status: int = 302) -> None:
        self.route(path, status=status, headers={"Location": to})

    def url(self, path: str = "/") -> str:
        return f"{self.base_url}{path}"

    # Running.

    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers waiting out a ``delay`` or a ``pause``
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # Serving.

    def _answer(self, request: Request) -> Reply:
        path = urlsplit(request.path).path
        with self._lock:
            self.requests.append(request)
            self.hits[path] += 1
            answer = self.routes.get(request.path) or self.routes.get(path)
        if answer is None:
            return Reply(404, b"not found", {"Content-Type": "text/plain"})
        return answer(request) if callable(answer) else answer

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle(self):
                # The client may close the connection first (time-out, size cap, done).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                reply = server._answer(Request(self.command, self.path, self.headers, body))
                if reply.delay and server._stopping.wait(reply.delay):
                    return
                self._send(reply)

            do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

            def _send(self, reply: Reply) -> None:
                content = reply.content
                self.send_response(reply.status)
                names = {name.lower() for name in reply.headers}
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                elif reply.length and "content-length" not in names:
                    self.send_header("Content-Length", str(len(content)))
                elif not reply.length:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                if self.command == "HEAD" or reply.status in (204, 304):
                    return
                if not reply.chunked:
                    self.wfile.write(content)
                    return
                for start in range(0, len(content), reply.chunk_size):
                    piece = content[start : start + reply.chunk_size]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.flush()
                    if reply.pause and server._stopping.wait(reply.pause):
                        return
                self.wfile.write(b"0\r\n\r\n")

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture(name="local_server")
def local_server_fixture():
    """A started ``LocalServer`` on 127.0.0.1, stopped after the test. The safe client
    refuses loopback addresses: set ``settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True``."""
    with LocalServer() as server:
        yield server
