"""The one safe HTTP client (``newsdesk.lib.fetch``): what it refuses to fetch and why,
the limits it holds (redirects, size after decompression, time), and what it hands back."""

import gzip
import socket
import time
import tracemalloc

import pytest

from newsdesk.lib import fetch as fetch_module
from newsdesk.lib.fetch import FetchError, fetch
from tests.local_server import LocalServer, Reply, local_server_fixture  # noqa: F401 (the fixture)


@pytest.fixture
def private_allowed(settings):
    """The local server lives on 127.0.0.1, which the client refuses unless told."""
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True


@pytest.fixture
def no_connection(monkeypatch):
    """Fail the test if the client opens any connection: a refusal must come first."""

    def pool(*args, **kwargs):
        raise AssertionError(f"a connection was attempted: {args}")

    monkeypatch.setattr(fetch_module, "_pool", pool)


def fake_dns(monkeypatch, names: dict[str, list[str]]):
    """Resolve the host names in ``names`` to the given addresses; others as usual."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return [
                (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port))
                for a in names[host]
            ]  # fmt: skip
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)


# What may be fetched at all.


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("ftp://files.example.org/feed.xml", "'ftp'"),
        ("file:///etc/passwd", "'file'"),
        ("javascript:alert(document.cookie)", "'javascript'"),
        ("data:text/html,<p>hello</p>", "'data'"),
        ("gopher://example.org/", "'gopher'"),
        ("example.org/feed.xml", "'none'"),
    ],
)
def test_only_http_and_https_urls_may_be_fetched(url, scheme, no_connection):
    with pytest.raises(FetchError) as refused:
        fetch(url)
    assert refused.value.reason == f"only http and https URLs may be fetched, not {scheme}"
    assert refused.value.url == url
    assert refused.value.retryable is False


def test_a_url_without_a_host_or_with_a_bad_port_is_refused(no_connection):
    with pytest.raises(FetchError, match="the URL names no host"):
        fetch("http:///feed.xml")
    with pytest.raises(FetchError, match="the URL's port is not a number"):
        fetch("http://example.org:http/")


@pytest.mark.parametrize(
    "url, address",
    [
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://127.8.9.10:8000/admin/", "127.8.9.10"),
        ("http://2130706433/", "127.0.0.1"),  # 127.0.0.1 written as one number
        ("http://[::1]/", "::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
        ("http://0.0.0.0/", "0.0.0.0"),
        ("http://10.1.2.3/", "10.1.2.3"),
        ("http://172.16.0.1/", "172.16.0.1"),
        ("https://192.168.1.1/feed.xml", "192.168.1.1"),
        ("http://100.64.0.1/", "100.64.0.1"),  # carrier-grade NAT
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),  # cloud metadata
        ("http://[fe80::1]/", "fe80::1"),
        ("http://[fd00::1]/", "fd00::1"),
        ("http://224.0.0.1/", "224.0.0.1"),
    ],
)
def test_loopback_private_and_link_local_addresses_are_refused_before_connecting(
    url, address, no_connection
):
    with pytest.raises(FetchError) as refused:
        fetch(url)
    assert refused.value.reason.endswith(f"resolves to a non-public address ({address}); refused")
    assert refused.value.retryable is False


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_local_server_is_refused_and_gets_no_request(local_server, host):
    local_server.route("/", body="secret")
    with pytest.raises(FetchError, match="resolves to a non-public address"):
        fetch(f"http://{host}:{local_server.port}/")
    assert local_server.requests == []


def test_a_host_with_one_private_address_among_public_ones_is_refused(monkeypatch, no_connection):
    fake_dns(monkeypatch, {"mixed.example": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(FetchError, match=r"mixed.example resolves to a non-public address \(10."):
        fetch("http://mixed.example/")


def test_an_unknown_host_is_a_retryable_error(monkeypatch, no_connection):
    def getaddrinfo(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(FetchError, match="could not be resolved") as failed:
        fetch("http://no-such-host.example/")
    assert failed.value.retryable is True


def test_private_addresses_may_be_reached_when_the_setting_allows_it(local_server, settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True
    local_server.route("/", body="hello", headers={"Content-Type": "text/plain; charset=utf-8"})
    response = fetch(local_server.url("/"))
    assert (response.status, response.content) == (200, b"hello")
    assert response.content_type == "text/plain" and response.charset == "utf-8"
    assert response.url == local_server.url("/")


# Redirects.


@pytest.fixture
def public_site(monkeypatch):
    """``news.example``: a site the client takes as public. It is a second local server, on
    127.0.0.2, which ``_is_public`` is told (for that one address only) to accept; every
    other address, 127.0.0.1 included, is judged as usual."""
    try:
        server = LocalServer(host="127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    fake_dns(monkeypatch, {"news.example": ["127.0.0.2"]})
    real = fetch_module._is_public
    monkeypatch.setattr(fetch_module, "_is_public", lambda a: a == "127.0.0.2" or real(a))
    with server:
        yield server


def test_a_redirect_to_a_public_page_is_followed(public_site):
    public_site.redirect("/old", "/new", status=301)
    public_site.route("/new", body="moved here")
    response = fetch(f"http://news.example:{public_site.port}/old")
    assert response.content == b"moved here"
    assert response.url == f"http://news.example:{public_site.port}/new"
    assert public_site.requests[0].headers["Host"] == f"news.example:{public_site.port}"


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_a_loopback_address_is_refused(public_site, local_server, status):
    local_server.route("/secret", body="internal only")
    public_site.redirect("/story", local_server.url("/secret"), status=status)

    with pytest.raises(FetchError) as refused:
        fetch(f"http://news.example:{public_site.port}/story")

    assert public_site.hits["/story"] == 1  # the first hop was allowed and answered
    assert local_server.requests == []  # the second was refused before any request
    assert refused.value.url == local_server.url("/secret")
    assert refused.value.reason == "127.0.0.1 resolves to a non-public address (127.0.0.1); refused"


def test_a_redirect_to_another_scheme_is_refused(public_site):
    public_site.redirect("/story", "file:///etc/passwd")
    with pytest.raises(FetchError, match="not 'file'"):
        fetch(f"http://news.example:{public_site.port}/story")


def test_redirects_are_capped(local_server, private_allowed, settings):
    settings.NEWSDESK_FETCH_MAX_REDIRECTS = 3
    for n in range(10):
        local_server.redirect(f"/hop{n}", f"/hop{n + 1}")
    with pytest.raises(FetchError) as refused:
        fetch(local_server.url("/hop0"))
    assert refused.value.reason == "more than 3 redirects"
    assert refused.value.retryable is False
    assert len(local_server.requests) == 4  # the first request and three redirects

    local_server.route("/hop3", body="arrived")
    assert fetch(local_server.url("/hop0")).content == b"arrived"  # three are allowed

    local_server.redirect("/loop", "/loop")
    with pytest.raises(FetchError, match="more than 0 redirects"):
        fetch(local_server.url("/loop"), max_redirects=0)


def test_a_redirect_without_a_location_is_an_error(local_server, private_allowed):
    local_server.route("/moved", status=302)
    with pytest.raises(FetchError, match="HTTP 302 without a Location"):
        fetch(local_server.url("/moved"))


# Size.

LIMIT = 10_000


@pytest.mark.parametrize(
    "reply, reason",
    [
        (Reply(body=b"x" * 25_000), f"the response is 25000 bytes, over the {LIMIT}-byte limit"),
        (
            Reply(body=b"x" * 25_000, chunked=True, chunk_size=1000),
            f"the response is over the {LIMIT}-byte limit; cut",
        ),
        (
            Reply(body=b"x" * 25_000, length=False),
            f"the response is over the {LIMIT}-byte limit; cut",
        ),
    ],
    ids=["content-length", "chunked", "no-length"],
)
def test_a_response_over_the_size_limit_is_cut(
    local_server, private_allowed, settings, reply, reason
):
    settings.NEWSDESK_FETCH_MAX_BYTES = LIMIT
    local_server.route("/big", reply)
    with pytest.raises(FetchError) as cut:
        fetch(local_server.url("/big"))
    assert cut.value.reason == reason
    assert cut.value.retryable is False


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_response_at_the_limit_is_read_whole(local_server, private_allowed, settings, chunked):
    settings.NEWSDESK_FETCH_MAX_BYTES = LIMIT
    local_server.route("/exact", body=b"x" * LIMIT, chunked=chunked, chunk_size=999)
    assert len(fetch(local_server.url("/exact")).content) == LIMIT


def test_a_gzipped_response_is_decompressed(local_server, private_allowed):
    text = "Le port de Haiphong accueille son premier porte-conteneurs géant. " * 200
    local_server.route(
        "/story", body=gzip.compress(text.encode()), headers={"Content-Encoding": "gzip"}
    )
    response = fetch(local_server.url("/story"))
    assert response.content.decode() == text
    assert local_server.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_gzip_bomb_is_cut_after_decompression(local_server, private_allowed, settings, chunked):
    settings.NEWSDESK_FETCH_MAX_BYTES = 1024 * 1024
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB in ~64 kB
    assert len(bomb) < 100_000
    local_server.route(
        "/bomb", body=bomb, headers={"Content-Encoding": "gzip"}, chunked=chunked, chunk_size=8192
    )
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as cut:
            fetch(local_server.url("/bomb"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert cut.value.reason == "the response is over the 1048576-byte limit; cut"
    assert peak < 8 * 1024 * 1024  # cut as it inflates, not after inflating 64 MB


# Time.


def test_a_server_slower_than_the_timeout_is_given_up(local_server, private_allowed):
    local_server.route("/slow", body="too late", delay=3)
    started = time.monotonic()
    with pytest.raises(FetchError) as failed:
        fetch(local_server.url("/slow"), timeout=0.3)
    assert time.monotonic() - started < 2
    assert "timed out" in failed.value.reason
    assert failed.value.retryable is True


def test_a_body_that_stalls_is_given_up(local_server, private_allowed):
    local_server.route("/stall", body=b"x" * 3000, chunked=True, chunk_size=1000, pause=3)
    started = time.monotonic()
    with pytest.raises(FetchError) as failed:
        fetch(local_server.url("/stall"), timeout=0.3)
    assert time.monotonic() - started < 2
    assert failed.value.reason.startswith("reading the response failed")
    assert failed.value.retryable is True


def test_a_body_that_trickles_is_given_up_after_the_timeout(local_server, private_allowed):
    local_server.route("/trickle", body=b"x" * 12, chunked=True, chunk_size=1, pause=0.1)
    started = time.monotonic()
    with pytest.raises(FetchError):
        fetch(local_server.url("/trickle"), timeout=0.3)
    assert time.monotonic() - started < 1


# What comes back.


def test_a_304_comes_back_as_not_modified(local_server, private_allowed):
    local_server.route(
        "/feed.xml",
        lambda request: (
            Reply(304, headers={"ETag": '"v2"'})
            if request.headers.get("If-None-Match") == '"v2"'
            else Reply(body="<rss/>")
        ),
    )
    response = fetch(local_server.url("/feed.xml"), headers={"If-None-Match": '"v2"'})
    assert response.not_modified
    assert response.status == 304
    assert response.content == b""
    assert response.headers["etag"] == '"v2"'  # names in lower case
    assert not fetch(local_server.url("/feed.xml")).not_modified


def test_the_user_agent_names_newsdesk(local_server, private_allowed, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.org"
    local_server.route("/", body="ok")
    fetch(local_server.url("/"), headers={"Accept": "application/rss+xml"})
    request = local_server.requests[0]
    assert request.headers["User-Agent"] == "Newsdesk/1.0 (+https://news.example.org)"
    assert request.headers["Accept"] == "application/rss+xml"


@pytest.mark.parametrize(
    "status, retryable",
    [(400, False), (401, False), (403, False), (404, False), (410, False),
     (408, True), (429, True), (500, True), (502, True), (503, True)],
)  # fmt: skip
def test_error_statuses_raise_saying_whether_to_try_again(
    local_server, private_allowed, status, retryable
):
    local_server.route("/page", status=status, body="no")
    with pytest.raises(FetchError) as failed:
        fetch(local_server.url("/page"))
    assert failed.value.reason == f"HTTP {status}"
    assert failed.value.retryable is retryable
    assert str(failed.value) == f"{local_server.url('/page')}: HTTP {status}"


def test_credentials_are_not_sent_to_another_host_on_redirect(local_server, private_allowed):
    with LocalServer() as elsewhere:
        elsewhere.route("/media.jpg", body="image")
        local_server.redirect("/media.jpg", elsewhere.url("/media.jpg"))
        fetch(
            local_server.url("/media.jpg"),
            headers={"Authorization": "Basic c2VjcmV0", "Cookie": "session=1"},
        )
        assert local_server.requests[0].headers["Authorization"] == "Basic c2VjcmV0"
        assert elsewhere.requests[0].headers.get("Authorization") is None
        assert elsewhere.requests[0].headers.get("Cookie") is None


@pytest.mark.parametrize(
    "address",
    ["64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::", "::ffff:10.0.0.1"],
)
def test_ipv4_inside_ipv6_is_judged_as_the_ipv4_address(address):
    from newsdesk.lib.fetch import _is_public

    assert not _is_public(address)
