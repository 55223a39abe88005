"""RSS and Atom feeds: each feed source is polled with a conditional GET through the safe
client, and every entry not yet in the inbox has its page read (the article, its byline,
date, image and language). When the page cannot be fetched or read, the entry's own title
and text go to the inbox instead, and the summary says why.

feedparser only parses: the feed is fetched by ``newsdesk.lib.fetch`` and handed over as a
stream (feedparser reads a string that names a URL or a file as one to open).
"""

import hashlib
import io
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
from django.conf import settings
from django.utils import timezone

from newsdesk.lib.fetch import FetchError, fetch
from newsdesk.lib.html_blocks import autop

from ..models import IngestItem, Source
from ..services import item_as_dict, record_item
from .base import IngestError, ItemData, Summary
from .web import decode, page_item

logger = logging.getLogger(__name__)

KEY_LENGTH = IngestItem._meta.get_field("key").max_length


@dataclass
class FeedSummary(Summary):
    """A ``Summary`` that also says how each feed went and notes what was not an error
    but should be known: a feed cut to its newest entries, a page read from the feed's
    own text because it could not be fetched."""

    notes: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)  # {"name", "result", "error"}

    def note(self, text: str) -> None:
        self.notes.append(text)

    def merge(self, other: Summary) -> None:
        super().merge(other)
        for name in ("notes", "sources"):
            getattr(self, name).extend(getattr(other, name, []))

    def __str__(self) -> str:
        lines = [f"{s['name']}: {s['result']}" + (f" ({s['error']})" if s["error"] else "")
                 for s in self.sources]  # fmt: skip
        lines.append(super().__str__())
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def poll_source(source: Source, *, now: datetime | None = None) -> FeedSummary:
    """Poll ``source``'s feed once, whether it is due or not, and record what is new."""
    summary, now = FeedSummary(), now or timezone.now()
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    try:
        response = fetch(source.feed_url, headers=headers)
    except FetchError as error:
        return _failed(source, summary, f"the feed could not be fetched: {error.reason}", now)
    if response.not_modified:
        _save_state(source, now=now, headers=response.headers, not_modified=True)
        summary.sources.append({"name": source.name, "result": "not modified", "error": ""})
        return summary
    parsed = feedparser.parse(
        io.BytesIO(response.content),
        response_headers={**response.headers, "content-location": response.url},
    )
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception") or "no RSS or Atom document"
        return _failed(source, summary, f"the feed cannot be read: {problem}", now)
    entries = _newest(parsed.entries, source, summary)
    language = _language(parsed.feed.get("language"))
    for key, entry in _new_entries(entries, source, summary):
        _read_entry(entry, key=key, source=source, feed_language=language, summary=summary)
    _save_state(source, now=now, headers=response.headers)
    summary.sources.append({"name": source.name, "result": "read", "error": ""})
    return summary


def poll_due_sources(*, now: datetime | None = None) -> FeedSummary:
    """Poll every feed source that is due, each on its own: one failing is logged and
    reported, the others are still polled. A source is claimed before it is polled, so
    two runners (the scheduler, a cron'd command) never poll the same one at once."""
    summary, now = FeedSummary(), now or timezone.now()
    sources = Source.objects.filter(active=True, kind=Source.Kind.FEED).exclude(feed_url="")
    for source in sources:
        if not source.is_due(now):
            continue
        claimed = Source.objects.filter(pk=source.pk, last_polled_at=source.last_polled_at)
        if not claimed.update(last_polled_at=now):
            continue  # another runner has just taken it
        try:
            summary.merge(poll_source(source, now=now))
        except Exception as error:  # noqa: BLE001 — one broken source must not stop the rest
            logger.exception("Polling the feed of %s failed", source.name)
            _failed(source, summary, f"polling failed ({type(error).__name__}: {error})", now)
    return summary


def _failed(source: Source, summary: FeedSummary, reason: str, now: datetime) -> FeedSummary:
    """Record ``reason`` on the source (the next poll waits for its interval) and in the
    summary; the validators are kept, the items already in the inbox too."""
    source.last_error, source.last_polled_at = reason, now
    source.save(update_fields=["last_error", "last_polled_at"])
    summary.reject(source.name, reason)
    summary.sources.append({"name": source.name, "result": "failed", "error": reason})
    return summary


def _save_state(source: Source, *, now: datetime, headers: dict, not_modified=False) -> None:
    """Keep the feed's validators for the next conditional GET. A 304 may omit them (the
    ones sent still hold); a full answer without them clears the old ones."""
    kept = (source.etag, source.last_modified) if not_modified else ("", "")
    source.etag = (headers.get("etag") or kept[0])[:255]
    source.last_modified = (headers.get("last-modified") or kept[1])[:64]
    source.last_polled_at, source.last_error = now, ""
    source.save(update_fields=["etag", "last_modified", "last_polled_at", "last_error"])


def _newest(entries: list, source: Source, summary: FeedSummary) -> list:
    """The feed's entries, newest first, cut to ``NEWSDESK_FEED_MAX_ITEMS``. Entries
    without a date keep their place after the dated ones (a feed lists newest first)."""
    limit = settings.NEWSDESK_FEED_MAX_ITEMS
    dated = sorted((e for e in entries if _entry_time(e)), key=_entry_time, reverse=True)
    ordered = dated + [e for e in entries if not _entry_time(e)]
    if len(ordered) > limit:
        summary.note(
            f"{source.name}: the feed has {len(ordered)} entries, over the limit of {limit} "
            f"(NEWSDESK_FEED_MAX_ITEMS); only the newest {limit} were read, "
            f"{len(ordered) - limit} older ones left out"
        )
        logger.warning("Feed of %s cut to its newest %d of %d entries", source, limit, len(ordered))
    return ordered[:limit]


def _new_entries(entries: list, source: Source, summary: FeedSummary):
    """``(key, entry)`` for the entries to read: with an http(s) link, not in the feed
    twice, not yet in the inbox. Those already there are reported as skipped."""
    keyed = {}
    for entry in entries:
        label = _label(entry)
        link = entry.get("link") or ""
        if urlsplit(link).scheme.lower() not in ("http", "https"):
            reason = f"its link {link!r} is not http(s)" if link else "it has no link"
            summary.reject(label, f"{source.name}: entry left out: {reason}")
            continue
        keyed.setdefault(entry_key(source, entry), entry)
    known = set()
    keys = list(keyed)
    for start in range(0, len(keys), 500):
        batch = keys[start : start + 500]
        known.update(IngestItem.objects.filter(key__in=batch).values_list("key", flat=True))
    for key, entry in keyed.items():
        if key in known:
            summary.add("skipped", _label(entry))
        else:
            yield key, entry


def entry_key(source: Source, entry) -> str:
    """The inbox key of a feed entry: its GUID (``id``), else its link."""
    guid = (entry.get("id") or entry.get("link") or "").strip()
    key = f"feed:{source.pk}:{guid}"
    if len(key) > KEY_LENGTH:
        key = f"feed:{source.pk}:sha256:{hashlib.sha256(guid.encode()).hexdigest()}"
    return key


def _read_entry(
    entry, *, key: str, source: Source, feed_language: str, summary: FeedSummary
) -> None:
    """Record one entry, from its page when it can be read, else from the feed's text."""
    label, link = _label(entry), entry["link"]
    try:
        data = _from_page(link, source=source, key=key)
    except (FetchError, IngestError) as error:
        reason = error.reason if isinstance(error, FetchError) else str(error)
        summary.note(f"{label}: its page {link} could not be read ({reason}); taken from the feed")
        data = None
    except Exception as error:  # noqa: BLE001 — a page the extractor chokes on
        logger.exception("Reading the page %s failed", link)
        summary.note(f"{label}: its page {link} could not be read ({error}); taken from the feed")
        data = None
    fallback = entry_item(entry, source=source, key=key, feed_language=feed_language)
    if data is None:
        data = fallback
    else:  # the page wins; the feed completes what the page does not say
        data.origin = IngestItem.Origin.FEED
        data.published_at = data.published_at or fallback.published_at
        data.authors = data.authors or fallback.authors
        data.language = data.language or fallback.language
        data.tags = data.tags or fallback.tags
    try:
        item, outcome = record_item(data)
    except IngestError as error:
        summary.reject(label, str(error))
        return
    except Exception as error:  # noqa: BLE001 — one bad entry must not stop the feed
        logger.exception("Recording the entry %s of %s failed", key, source)
        summary.reject(label, f"{type(error).__name__}: {error}")
        return
    summary.add(outcome, item.headline)
    summary.items.append(item_as_dict(item))


def _from_page(url: str, *, source: Source, key: str) -> ItemData:
    response = fetch(url)
    if response.content_type and "html" not in response.content_type:
        raise IngestError(f"not a web page ({response.content_type})")
    html = decode(response.content, response.charset)
    return page_item(html, url=response.url, via=source, key=key)


def entry_item(entry, *, source: Source, key: str, feed_language: str = "") -> ItemData:
    """The inbox item made of the feed entry alone: its title, summary and content."""
    content = next((c.get("value") for c in entry.get("content") or [] if c.get("value")), "")
    summary = entry.get("summary") or ""
    body, lede = (content, summary) if content else (summary, "")
    if body and "<" not in body:
        body = autop(body)
    authors = [a.get("name", "") for a in entry.get("authors") or [] if a.get("name")]
    if not authors and entry.get("author"):
        authors = [entry["author"]]
    language = next(
        (c.get("language") for c in entry.get("content") or [] if c.get("language")), None
    )
    return ItemData(
        key=key,
        origin=IngestItem.Origin.FEED,
        headline=entry.get("title") or "",
        lede=lede,
        body_html=body,
        authors=authors,
        images=_images(entry),
        tags=[t.get("term", "") for t in entry.get("tags") or [] if t.get("term")],
        published_at=_entry_time(entry, "published_parsed", "updated_parsed"),
        modified_at=_entry_time(entry, "updated_parsed"),
        language=_language(language) or feed_language,
        original_url=entry.get("link") or "",
        via=source,
        raw=json.dumps(entry, default=str, ensure_ascii=False),
    )


def _images(entry) -> list[dict]:
    found = []
    media = [m for m in entry.get("media_content") or [] if m.get("medium") == "image"]
    enclosures = [
        e for e in entry.get("enclosures") or [] if (e.get("type") or "").startswith("image/")
    ]
    for candidate in media + enclosures:
        src = candidate.get("url") or candidate.get("href") or ""
        if urlsplit(src).scheme in ("http", "https") and src not in {i["src"] for i in found}:
            found.append({"src": src, "alt": "", "caption": "", "credit": ""})
    return found


def _entry_time(entry, *names: str) -> datetime | None:
    for name in names or ("published_parsed", "updated_parsed"):
        value = dict.get(entry, name)  # not feedparser's own get: it maps one to the other
        if value:
            try:
                return datetime(*value[:6], tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def _language(value: str | None) -> str:
    return (value or "").strip().split("-")[0].split("_")[0].lower()[:16]


def _label(entry) -> str:
    return " ".join((entry.get("title") or entry.get("link") or entry.get("id") or "?").split())
