"""One safe HTTP client for everything Newsdesk fetches from outside: feeds, article pages,
images, WordPress media.

- http and https only; time-outs; a size cap (counted after decompression, so a gzip bomb
  is cut too); a redirect cap.
- No request reaches a loopback, private, link-local, multicast, reserved or cloud-metadata
  address: each host is resolved, every address it resolves to is checked, and the
  connection goes to the checked address itself (no second lookup an attacker could
  answer differently). The same holds for every redirect.
- A clear User-Agent naming Newsdesk.

Errors are ``FetchError``, which says whether trying again later may help.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

REDIRECTS = {301, 302, 303, 307, 308}
# Headers that never follow a redirect to another scheme, host or port.
CREDENTIALS = {"authorization", "cookie", "proxy-authorization"}
NAT64 = ipaddress.ip_network("64:ff9b::/96")
CHUNK = 16 * 1024


class FetchError(Exception):
    """A fetch that failed; ``retryable`` says whether the same request may succeed later."""

    def __init__(self, message: str, *, url: str, retryable: bool = False):
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        self.retryable = retryable


@dataclass
class Response:
    url: str  # the final URL, after redirects
    status: int
    headers: dict = field(default_factory=dict)  # lower-case names
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


def user_agent() -> str:
    return f"Newsdesk/1.0 (+{settings.WAGTAILADMIN_BASE_URL})"


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 reached through IPv6 (mapped, NAT64, 6to4) is judged as that IPv4 address.
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        elif ip in NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        elif ip.sixtofour:
            ip = ip.sixtofour
    return ip.is_global and not ip.is_multicast


def resolve(url: str, *, allow_private: bool) -> tuple[str, str, int, str]:
    """``(scheme, host, port, address)`` for ``url``, refusing what may not be fetched."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs may be fetched, not {scheme or 'none'!r}", url=url
        )
    host = parts.hostname
    if not host:
        raise FetchError("the URL names no host", url=url)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError("the URL's port is not a number", url=url) from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            f"the host {host!r} could not be resolved ({error})", url=url, retryable=True
        ) from None
    addresses = [info[4][0] for info in infos]
    if not allow_private:
        blocked = [address for address in addresses if not _is_public(address)]
        if blocked:
            raise FetchError(
                f"{host} resolves to a non-public address ({blocked[0]}); refused", url=url
            )
    return scheme, host, port, addresses[0]


def _pool(scheme: str, host: str, port: int, address: str, timeout: float):
    timeouts = urllib3.Timeout(connect=min(timeout, 10), read=timeout)
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeouts,
            retries=False,
            server_hostname=host,
            assert_hostname=host,
            maxsize=1,
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=timeouts, retries=False, maxsize=1)


def _host_header(scheme: str, host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return name if port == default else f"{name}:{port}"


def fetch(
    url: str,
    *,
    headers: dict | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    max_redirects: int | None = None,
) -> Response:
    """GET ``url`` safely. A 304 comes back as a response (``not_modified``); any other
    status outside 2xx raises ``FetchError`` (retryable for 408, 429 and 5xx).

    ``timeout`` bounds each connection and read; the whole fetch, redirects included, is
    given twice that, so a server that trickles its answer cannot hold the caller."""
    max_bytes = max_bytes or settings.NEWSDESK_FETCH_MAX_BYTES
    timeout = timeout or settings.NEWSDESK_FETCH_TIMEOUT
    max_redirects = (
        settings.NEWSDESK_FETCH_MAX_REDIRECTS if max_redirects is None else max_redirects
    )
    allow_private = settings.NEWSDESK_FETCH_ALLOW_PRIVATE
    deadline = time.monotonic() + 2 * timeout
    current, origin, headers = url, None, dict(headers or {})
    for _hop in range(max_redirects + 1):
        if time.monotonic() > deadline:
            raise FetchError(
                f"no complete answer within {2 * timeout:g} s", url=current, retryable=True
            )
        scheme, host, port, address = resolve(current, allow_private=allow_private)
        if origin is not None and origin != (scheme, host, port):
            headers = {k: v for k, v in headers.items() if k.lower() not in CREDENTIALS}
        origin = (scheme, host, port)
        parts = urlsplit(current)
        path = parts.path or "/"
        if parts.query:
            path = f"{path}?{parts.query}"
        request_headers = {
            "User-Agent": user_agent(),
            "Accept-Encoding": "gzip, deflate",
            "Host": _host_header(scheme, host, port),
            **headers,
        }
        pool = _pool(scheme, host, port, address, timeout)
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers=request_headers,
                redirect=False,
                preload_content=False,
                decode_content=True,
                assert_same_host=False,
            )
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"the request failed ({error})", url=current, retryable=True) from None
        try:
            if response.status in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location", url=current)
                current = urljoin(current, location)
                continue
            if response.status == 304:
                return Response(current, 304, _lower(response.headers))
            if not 200 <= response.status < 300:
                retryable = response.status in (408, 429) or response.status >= 500
                raise FetchError(f"HTTP {response.status}", url=current, retryable=retryable)
            return Response(
                current,
                response.status,
                _lower(response.headers),
                _read(response, current, max_bytes, deadline),
            )
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(f"more than {max_redirects} redirects", url=url)


def _lower(headers) -> dict:
    return {name.lower(): value for name, value in headers.items()}


def _read(response, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"the response is {int(declared)} bytes, over the {max_bytes}-byte limit", url=url
        )
    body = bytearray()
    try:
        for chunk in response.stream(CHUNK, decode_content=True):
            body += chunk
            if time.monotonic() > deadline:
                raise FetchError(
                    "the answer is too slow to arrive; given up", url=url, retryable=True
                )
            if len(body) > max_bytes:
                raise FetchError(f"the response is over the {max_bytes}-byte limit; cut", url=url)
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(
            f"reading the response failed ({error})", url=url, retryable=True
        ) from None
    return bytes(body)


def post(
    url: str, *, body: bytes, headers: dict, timeout: float | None = None, max_bytes: int = 4096
) -> tuple[int, bytes]:
    """POST ``body`` to ``url`` with the same address checks and time-outs as ``fetch``,
    following no redirect (a partner's endpoint answers itself). Returns the status and the
    first ``max_bytes`` of the answer; ``FetchError`` (retryable) when no answer came."""
    timeout = timeout or settings.NEWSDESK_FETCH_TIMEOUT
    scheme, host, port, address = resolve(url, allow_private=settings.NEWSDESK_FETCH_ALLOW_PRIVATE)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request_headers = {
        "User-Agent": user_agent(),
        "Host": _host_header(scheme, host, port),
        **headers,
    }
    pool = _pool(scheme, host, port, address, timeout)
    try:
        response = pool.urlopen(
            "POST",
            path,
            body=body,
            headers=request_headers,
            redirect=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            answer = response.read(max_bytes, decode_content=True)
        except (urllib3.exceptions.HTTPError, OSError):
            answer = b""
        finally:
            response.release_conn()
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"the request failed ({error})", url=url, retryable=True) from None
    finally:
        pool.close()
    return response.status, answer
