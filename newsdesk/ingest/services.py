"""Writes with rules for the ingest inbox, shared by every adapter, command, view and the
push endpoint: record an item (an idempotent upsert keyed on its stable id, with duplicate
detection), bring a remote image into the library, and make a draft article of an item."""

import hashlib
import io
import json
import logging
import warnings
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.models import Locale

from newsdesk.articles.models import ArticleAuthor, ArticlePage, SourceRelation
from newsdesk.articles.services import get_month_folder
from newsdesk.authors.models import Author
from newsdesk.images.models import NewsImage
from newsdesk.lib import fingerprint
from newsdesk.lib.fetch import FetchError, fetch
from newsdesk.lib.html_blocks import Block, html_text, html_to_blocks, plain_text, sanitise
from newsdesk.lib.slugs import free_slug
from newsdesk.sections.models import SectionPage

from .models import ImportedObject, IngestItem, Source
from .sources.base import IngestError, ItemData

logger = logging.getLogger(__name__)

IMAGE_TYPES = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


class DraftError(Exception):
    """An item that cannot become a draft, with the reason for the editor."""


def ensure_source(*, name: str, home_url: str = "") -> Source:
    """The outlet called ``name``, created (as a web source) the first time it is credited."""
    name = name.strip()[:255]
    source = Source.objects.filter(name__iexact=name).first()
    if source is None:
        source, _created = Source.objects.get_or_create(
            name=name, defaults={"home_url": home_url, "kind": Source.Kind.WEB}
        )
    return source


def _content_hash(values: dict) -> str:
    payload = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def find_duplicate(*, canonical: str, fingerprint_value: int | None, exclude_key: str = ""):
    """The first item already in the inbox that tells the same story: same canonical URL,
    or a text within ``fingerprint.NEAR`` bits."""
    items = IngestItem.objects.exclude(key=exclude_key).order_by("received_at", "pk")
    if canonical:
        same_url = items.filter(canonical_url=canonical).first()
        if same_url:
            return same_url.duplicate_of or same_url
    if fingerprint_value is None:
        return None
    b0, b1, b2, b3 = fingerprint.bands(fingerprint_value)
    candidates = items.filter(Q(band0=b0) | Q(band1=b1) | Q(band2=b2) | Q(band3=b3))
    for candidate in candidates.only("pk", "fingerprint", "duplicate_of")[:200]:
        if candidate.fingerprint is not None and (
            fingerprint.distance(candidate.fingerprint, fingerprint_value) <= fingerprint.NEAR
        ):
            return candidate.duplicate_of or candidate
    return None


def record_item(data: ItemData) -> tuple[IngestItem, str]:
    """Create or update the inbox item keyed ``data.key``. Returns the item and what
    happened: ``created``, ``updated`` (its content changed at the origin; an editor's
    status is kept) or ``skipped`` (nothing changed)."""
    if not data.headline.strip():
        raise IngestError("the item has no headline")
    body_html = sanitise(data.body_html)
    images = data.images or [b.image for b in html_to_blocks(body_html) if b.kind == "image"]
    values = {
        "origin": data.origin,
        "headline": " ".join(data.headline.split())[:500],
        "lede": " ".join(plain_text(data.lede).split()) if "<" in data.lede else data.lede.strip(),
        "body_html": body_html,
        "body_text": plain_text(body_html),
        "headings": [b.text for b in html_to_blocks(body_html) if b.kind == "heading"],
        "authors": [a.strip() for a in data.authors if a and a.strip()],
        "images": images,
        "tags": [t.strip() for t in data.tags if t and t.strip()],
        "published_at": data.published_at,
        "modified_at": data.modified_at,
        "language": (data.language or "").lower()[:16],
        "original_url": data.original_url[:1000],
        "fetched_url": data.fetched_url[:1000],
    }
    digest = _content_hash(
        {**values, "source": data.source_name, "via": getattr(data.via, "pk", None)}
    )
    with transaction.atomic():
        source = (
            ensure_source(name=data.source_name, home_url=data.source_home_url)
            if data.source_name
            else data.via
        )
        existing = IngestItem.objects.select_for_update().filter(key=data.key).first()
        if existing is not None:
            stale = (
                data.modified_at
                and existing.modified_at
                and data.modified_at < existing.modified_at
            )
            if existing.content_hash == digest or stale:  # nothing new, or an older version
                return existing, "skipped"
            for name, value in values.items():
                setattr(existing, name, value)
            existing.source, existing.via, existing.raw = source, data.via, data.raw
            existing.content_hash = digest
            _set_fingerprint(existing)
            existing.save()
            return existing, "updated"
        item = IngestItem(key=data.key, source=source, via=data.via, raw=data.raw, **values)
        item.content_hash = digest
        item.canonical_url = fingerprint.canonical_url(data.original_url or data.fetched_url)
        _set_fingerprint(item)
        duplicate = find_duplicate(canonical=item.canonical_url, fingerprint_value=_unsigned(item))
        if duplicate is not None:
            item.status, item.duplicate_of = IngestItem.Status.DUPLICATE, duplicate
        try:
            with transaction.atomic():
                item.save()
        except IntegrityError:  # the same key, recorded meanwhile by another import
            return IngestItem.objects.get(key=data.key), "skipped"
    return item, "created"


def _set_fingerprint(item: IngestItem) -> None:
    value = fingerprint.simhash(f"{item.headline}\n{item.body_text or item.lede}")
    if value is None:
        item.fingerprint = item.band0 = item.band1 = item.band2 = item.band3 = None
        return
    item.fingerprint = fingerprint.to_signed(value)
    item.band0, item.band1, item.band2, item.band3 = fingerprint.bands(value)


def _unsigned(item: IngestItem) -> int | None:
    return None if item.fingerprint is None else item.fingerprint & ((1 << 64) - 1)


def item_as_dict(item: IngestItem) -> dict:
    """An inbox item as the import commands print it with ``--json``."""
    return {
        "id": item.pk,
        "key": item.key,
        "status": item.status,
        "duplicate_of": item.duplicate_of_id,
        "headline": item.headline,
        "authors": item.authors,
        "published": item.published_at.isoformat() if item.published_at else None,
        "lede": item.lede,
        "body_text": item.body_text,
        "headings": item.headings,
        "images": [
            {k: image.get(k, "") for k in ("src", "alt", "caption", "credit")}
            for image in item.images
        ],
        "tags": item.tags,
        "source": {"name": item.source.name, "url": item.source.home_url} if item.source else None,
        "via": item.via.name if item.via else None,
        "original_url": item.original_url,
        "language": item.language,
    }


def import_image(*, url: str, title: str = "", caption: str = "", credit: str = "", alt: str = ""):
    """The library image for the remote ``url``, fetched once (a second import of the same
    URL finds it) through the safe client, and refused when it is not a real image or is
    a decompression bomb."""
    known = ImportedObject.objects.filter(origin="image", kind="image", key=url[:255]).first()
    if known and (image := NewsImage.objects.filter(pk=known.object_id).first()):
        return image
    try:
        response = fetch(url)
    except FetchError as error:
        raise IngestError(f"image {url}: {error.reason}", retryable=error.retryable) from None
    image_format, width, height = check_image(response.content, label=url)
    name = slugify(urlsplit(url).path.rsplit("/", 1)[-1].rsplit(".", 1)[0])[:80] or "image"
    image = NewsImage(
        title=(title or caption or name)[:255],
        caption=caption[:500],
        credit=credit[:255],
        alt_text=alt[:400],
    )
    image.file.save(
        f"{name}.{IMAGE_TYPES[image_format]}", ContentFile(response.content), save=False
    )
    image.width, image.height = width, height
    image.save()
    ImportedObject.objects.update_or_create(
        origin="image",
        kind="image",
        key=url[:255],
        defaults={"object_id": image.pk, "url": url[:1000]},
    )
    return image


def check_image(content: bytes, *, label: str) -> tuple[str, int, int]:
    """``(format, width, height)`` of an image file, or ``IngestError`` naming why it is
    refused."""
    limit = settings.NEWSDESK_IMAGE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(content)) as probe:
                width, height = probe.size
                if width * height > limit:
                    raise IngestError(
                        f"image {label}: {width}×{height} pixels is over the {limit}-pixel "
                        "limit (a decompression bomb?)"
                    )
                probe.verify()
                image_format = probe.format
    except IngestError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise IngestError(f"image {label}: refused as a decompression bomb ({error})") from None
    except Exception as error:  # noqa: BLE001 — Pillow raises many types for bad files
        raise IngestError(f"image {label}: not a readable image ({error})") from None
    if image_format not in IMAGE_TYPES:
        raise IngestError(f"image {label}: {image_format} images are not accepted")
    return image_format, width, height


def _body_stream(blocks: list[Block], problems: list[str]) -> tuple[list, NewsImage | None]:
    stream, first_image = [], None
    for block in blocks:
        if block.kind == "paragraph":
            stream.append(("paragraph", block.html))
        elif block.kind == "heading":
            stream.append(("heading", {"text": block.text[:255], "level": block.level}))
        elif block.kind == "quote":
            stream.append(("quote", {"quote": block.text, "attribution": block.attribution}))
        elif block.kind == "html":
            stream.append(("imported_html", block.html))
        elif block.kind == "image":
            texts = {key: block.image.get(key, "") for key in ("caption", "alt", "credit")}
            try:
                image = import_image(url=block.image["src"], **texts)
            except IngestError as error:
                problems.append(str(error))
                continue
            first_image = first_image or image
            stream.append(("image", {"image": image, **texts}))
    return stream, first_image


def _authors(names: list[str], locale: Locale) -> list[Author]:
    authors = []
    for name in names:
        slug = slugify(name)[:255] or "author"
        author = Author.objects.filter(locale=locale, slug=slug).first()
        authors.append(author or Author.objects.create(name=name[:255], slug=slug, locale=locale))
    return authors


def unique_slug(parent, base: str) -> str:
    base = (base or "article")[:200]
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    return free_slug(base, taken)


@transaction.atomic
def create_draft(
    *, item: IngestItem, section: SectionPage, user=None
) -> tuple[ArticlePage, list[str]]:
    """A draft article in ``section`` made of ``item``: body as blocks (images brought into
    the library with their captions and credits), byline, tags and the source's
    attribution. Returns the draft and the problems met (images that could not be
    brought in), which do not stop it. The item is marked used."""
    if item.article_id and ArticlePage.objects.filter(pk=item.article_id).exists():
        raise DraftError(
            _("This item is already the draft “%(title)s”.") % {"title": item.article.title}
        )
    source = item.source or item.via
    full = source is None or source.reuse == Source.Reuse.FULL
    problems: list[str] = []
    blocks = html_to_blocks(item.body_html) if full else []
    body, first_image = _body_stream(blocks, problems)
    if not full:
        body = (
            [
                (
                    "paragraph",
                    f'<p><a href="{item.original_url}">{_("Read the original article")}</a></p>',
                )
            ]
            if item.original_url
            else []
        )
    lede = item.lede or next(
        (html_text(b.html) for b in blocks if b.kind == "paragraph"), item.headline
    )
    folder = get_month_folder(section=section)
    page = ArticlePage(
        title=item.headline[:255],
        slug=unique_slug(folder, slugify(item.headline)[:80]),
        lede=lede,
        body=body,
        lead_image=first_image,
        locale_id=section.locale_id,
        live=False,
        source=source,
        source_url=item.original_url,
        source_relation=(SourceRelation.REPUBLISHED if full else SourceRelation.BASED_ON)
        if source
        else "",
    )
    for author in _authors(item.authors, section.locale):
        page.article_authors.add(ArticleAuthor(author=author))
    if item.tags:
        page.tags.add(*[tag[:100] for tag in item.tags])
    folder.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    item.status, item.article = IngestItem.Status.USED, page
    item.save(update_fields=["status", "article", "updated_at"])
    return page, problems
