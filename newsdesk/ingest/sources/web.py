"""Web pages: one article read from a page (fetched, or from a saved file) into the inbox."""

from pathlib import Path
from urllib.parse import urlsplit

from newsdesk.lib.extract import ExtractionError, extract_article
from newsdesk.lib.fetch import FetchError, fetch
from newsdesk.lib.html_blocks import blocks_to_html

from ..models import IngestItem
from ..services import item_as_dict, record_item
from .base import IngestError, ItemData, Summary


def decode(content: bytes, charset: str | None = None) -> str:
    for encoding in filter(None, [charset, "utf-8"]):
        try:
            return content.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("utf-8", errors="replace")


def page_item(html: str, *, url: str, via=None, key: str = "") -> ItemData:
    """The inbox item for the article in ``html``. When the page credits another outlet
    (“Selon vietnamnet.vn”), that outlet and its URL become the item's source and original
    URL; the page read stays recorded as ``fetched_url``."""
    try:
        article = extract_article(html, url=url)
    except ExtractionError as error:
        raise IngestError(str(error)) from None
    upstream = article.upstream
    if upstream:
        source_name, source_home, original = upstream.name, upstream.home_url, upstream.url
    else:
        source_name = "" if via else article.site_name
        host = urlsplit(article.url or url)
        source_home = f"{host.scheme}://{host.netloc}" if host.netloc else ""
        original = article.url or url
    return ItemData(
        key=key or f"url:{article.url or url}",
        origin=IngestItem.Origin.WEB,
        headline=article.headline,
        lede=article.lede,
        body_html=blocks_to_html(article.blocks),
        authors=article.authors,
        images=article.images,
        tags=article.tags,
        published_at=article.published,
        language=article.language,
        original_url=original or "",
        fetched_url=article.url or url,
        source_name=source_name,
        source_home_url=source_home,
        via=via,
        raw=html,
    )


def import_html(html: str, *, url: str, via=None) -> Summary:
    summary = Summary()
    try:
        item, outcome = record_item(page_item(html, url=url, via=via))
    except IngestError as error:
        summary.reject(url, str(error))
        return summary
    summary.add(outcome, item.headline)
    summary.items.append(item_as_dict(item))
    return summary


def import_file(path: str | Path, *, url: str) -> Summary:
    try:
        content = Path(path).read_bytes()
    except OSError as error:
        summary = Summary()
        summary.reject(str(path), f"cannot read the file ({error.strerror})")
        return summary
    return import_html(decode(content), url=url)


def import_url(url: str, *, via=None) -> Summary:
    try:
        response = fetch(url)
    except FetchError as error:
        summary = Summary()
        summary.reject(url, error.reason)
        return summary
    if response.content_type and "html" not in response.content_type:
        summary = Summary()
        summary.reject(url, f"not a web page ({response.content_type})")
        return summary
    return import_html(decode(response.content, response.charset), url=response.url, via=via)
