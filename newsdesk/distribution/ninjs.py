"""Articles as IPTC ninjs documents (2.1, 3.0), for the read API and partner webhooks.

One document in either version (3.0 spells the same properties in camel case:
``versionCreated``, ``contentType``, ``altIds``…), valid against IPTC's schema for it:

- ``uri``: ``urn:uuid:…``, derived from the story's translation key and its language, so it
  survives a new slug, a move to another section or a new domain; ``altids`` carry the
  canonical URL (role ``canonical``) and the translation key shared by the story's other
  editions (role ``translationkey``); ``renditions`` has the web page (``text/html``).
- ``version``: the id of the live revision (it grows with every publication);
  ``firstcreated``: the publication time readers see; ``versioncreated``: the update time,
  else the publication time. Times are in the newsroom's time zone, with their offset.
- ``headlines`` (``main``; ``kicker`` when there is one), ``descriptions`` (the lede, role
  ``summary``), ``bodies`` (the body as sanitised HTML with absolute links, and as plain
  text), ``language``, ``slugline``.
- ``by`` and ``people`` (rel ``author``, with the profile page): the byline;
  ``subjects``: the tags, with their tag page.
- ``associations``: the lead image (``leadimage``) and each body image (``image1``…) as
  ``picture`` items with renditions in several sizes (href, width, height, content type),
  the caption (role ``caption``), alt text (role ``alt``) and credit (role ``creditline``).
- Where the story comes from: ``infosources`` names the outlet, with the original URL and
  the relation (``translated``, ``based_on`` or ``republished``) as role. The
  ``copyrightholder`` is that outlet for a story translated or republished from it, and
  the paper (the Wagtail site's name) otherwise. (ninjs 2.1 and 3.0 have no ``links``.)

Every string is made safe for any JSON, XML or HTML consumer: control characters other
than tab and newline are dropped, unpaired surrogates become U+FFFD.
"""

import mimetypes
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from newsdesk.articles.blocks import body_text
from newsdesk.articles.models import SourceRelation
from newsdesk.core.site import absolute_url
from newsdesk.lib.html_blocks import Block, blocks_to_html, sanitise

SUPPORTED_VERSIONS = ("2.1", "3.0")
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json"
MEDIA_TYPE = "application/json"

# Picture sizes offered to partners, largest first (a reader that takes the largest finds
# it first when a small original makes several the same size): (name, Wagtail filter).
RENDITIONS = (
    ("large", "width-1920"),
    ("medium", "width-1280"),
    ("small", "width-640"),
    ("thumbnail", "fill-400x225"),
)
BODY_IMAGE = "medium"  # the size the HTML body's <img> shows

# 2.1's lower-case property names that 3.0 spells in camel case (those this module writes,
# and their siblings).
CAMEL_CASE = {
    "altids": "altIds",
    "charcount": "charCount",
    "contactinfo": "contactInfo",
    "contentcreated": "contentCreated",
    "contenttype": "contentType",
    "copyrightholder": "copyrightHolder",
    "copyrightnotice": "copyrightNotice",
    "ednote": "edNote",
    "embargoed": "embargoedUntil",
    "firstcreated": "firstCreated",
    "infosources": "infoSources",
    "pubstatus": "pubStatus",
    "representationtype": "representationType",
    "sizeinbytes": "sizeInBytes",
    "trustindicators": "trustIndicators",
    "usageterms": "usageTerms",
    "versioncreated": "versionCreated",
    "wordcount": "wordCount",
}
# C0 and C1 controls but tab, line feed and carriage return; and unpaired surrogates.
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
RELATIVE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


class UnknownVersion(ValueError):
    """A ninjs version this module does not write."""


def article_to_ninjs(page, *, version: str = "2.1", request=None) -> dict:
    """The ninjs document of a published ``ArticlePage`` in ``version``."""
    if version not in SUPPORTED_VERSIONS:
        raise UnknownVersion(
            f"unknown ninjs version {str(version)[:20]!r}: {', '.join(SUPPORTED_VERSIONS)}"
        )
    page = page.specific
    language = page.locale.language_code
    site = Site.find_for_request(request) if request is not None else page.get_site()
    with translation.override(language):
        authors = _authors(page)
        pictures = _pictures(page, request)
        page_url = page.get_full_url(request)
        document = {
            "uri": uri_of(page),
            "type": "text",
            "representationtype": "full",
            "version": str(page.live_revision_id or 1),
            "firstcreated": _moment(page.display_date),
            "versioncreated": _moment(_version_created(page)),
            "pubstatus": "usable",
            "copyrightholder": _copyright_holder(page, site),
            "language": language,
            "slugline": page.slug,
            "headlines": _headlines(page),
            "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": page.lede}],
            "bodies": _bodies(page, pictures, request),
            "by": ", ".join(author.name for author in authors),
            "people": [_person(author, request) for author in authors],
            "subjects": [_subject(tag, request) for tag in page.tags.all()],
            "infosources": _infosources(page),
            "altids": [
                *([{"role": "canonical", "value": page_url}] if page_url else []),
                {"role": "translationkey", "value": str(page.translation_key)},
            ],
            "renditions": (
                [{"name": "web", "href": page_url, "contenttype": "text/html"}] if page_url else []
            ),
            "associations": [_association(picture, request) for picture in pictures],
            "standard": {
                "name": "ninjs",
                "version": version,
                "schema": SCHEMA_URI.format(version=version),
            },
        }
    document = {name: value for name, value in document.items() if value not in ("", [], None)}
    document = scrub(document)
    return camel_case(document) if version.startswith("3.") else document


def uri_of(page) -> str:
    """The story's stable identifier: one per story and edition, whatever its URL."""
    return f"urn:uuid:{uuid.uuid5(page.translation_key, page.locale.language_code)}"


def scrub(value):
    """``value`` with every string safe to print anywhere (see the module's docstring)."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", UNSAFE.sub("", value))
    if isinstance(value, dict):
        return {scrub(name): scrub(inner) for name, inner in value.items()}
    if isinstance(value, list):
        return [scrub(inner) for inner in value]
    return value


def camel_case(value):
    """A 2.x document in 3.x's spelling."""
    if isinstance(value, dict):
        return {CAMEL_CASE.get(name, name): camel_case(inner) for name, inner in value.items()}
    if isinstance(value, list):
        return [camel_case(inner) for inner in value]
    return value


# The parts of the document -----------------------------------------------------------


def _moment(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _version_created(page):
    candidates = [d for d in (page.updated_at, page.display_date) if d]
    return max(candidates) if candidates else None


def _headlines(page) -> list[dict]:
    headlines = [{"role": "main", "value": page.title}]
    if page.kicker:
        headlines.append({"role": "kicker", "value": page.kicker})
    return headlines


def _authors(page) -> list:
    if "article_authors" in getattr(page, "_prefetched_objects_cache", {}):
        links = page.article_authors.all()
    else:
        links = page.article_authors.select_related("author__locale")
    return [link.author for link in links]


def _person(author, request) -> dict:
    return {
        "name": author.name,
        "rel": "author",
        "uri": absolute_url(request, author.get_url()),
        "literal": author.slug,
    }


def _subject(tag, request) -> dict:
    return {
        "name": tag.name,
        "uri": absolute_url(request, reverse("tag", kwargs={"slug": tag.slug})),
        "literal": tag.slug,
    }


def _copyright_holder(page, site) -> str:
    if page.source_id and page.source_relation in (
        SourceRelation.TRANSLATED,
        SourceRelation.REPUBLISHED,
    ):
        return page.source.name
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def _infosources(page) -> list[dict]:
    if not page.source_id:
        return []
    source = {"name": page.source.name}
    if url := page.source_url or page.source.home_url:
        source["uri"] = url
    if page.source_relation:
        source["role"] = page.source_relation
    return [source]


@dataclass
class Picture:
    """A photo the story shows: the lead image, or an image block of the body (``index``:
    its place there), with the caption, alt text and credit the story gives it."""

    name: str  # the association's name: leadimage, image1, image2…
    image: object
    caption: str
    alt: str
    credit: str
    index: int | None = None
    renditions: list = field(default_factory=list)


def _pictures(page, request) -> list[Picture]:
    """The lead image and each body image, in reading order (a body image's own caption,
    alt text and credit win over the library's), with their renditions: one query for
    those that exist, the missing ones made once."""
    pictures = []
    if page.lead_image:
        image = page.lead_image
        pictures.append(Picture("leadimage", image, page.lead_caption, page.lead_alt, image.credit))
    for index, block in enumerate(page.body):
        if block.block_type == "image" and block.value["image"] is not None:
            value, image = block.value, block.value["image"]
            pictures.append(
                Picture(
                    f"image{len(pictures) + (0 if page.lead_image else 1)}",
                    image,
                    caption=value["caption"] or image.caption,
                    alt=value["alt"] or image.default_alt_text,
                    credit=value["credit"] or image.credit,
                    index=index,
                )
            )
    prefetch_related_objects([picture.image for picture in pictures], "renditions")
    for picture in pictures:
        made = picture.image.get_renditions(*(spec for _name, spec in RENDITIONS))
        picture.renditions = [
            {
                "name": name,
                "href": _absolute(request, made[spec].url),
                "contenttype": mimetypes.guess_type(made[spec].file.name)[0] or "image/jpeg",
                "width": made[spec].width,
                "height": made[spec].height,
            }
            for name, spec in RENDITIONS
        ]
    return pictures


def _association(picture: Picture, request) -> dict:
    descriptions = [
        {"role": role, "value": value}
        for role, value in (
            ("caption", picture.caption),
            ("alt", picture.alt),
            ("creditline", picture.credit),
        )
        if value
    ]
    association = {
        "name": picture.name,
        "uri": _absolute(request, reverse("wagtailapi:images:detail", args=[picture.image.pk])),
        "type": "picture",
        "descriptions": descriptions,
        "renditions": picture.renditions,
    }
    return {key: value for key, value in association.items() if value}


def _bodies(page, pictures, request) -> list[dict]:
    html = body_html(page, pictures, request)
    text = scrub(body_text(page.body))
    bodies = []
    if html:
        bodies.append({"role": "html", "contenttype": "text/html", "value": html})
    if text:
        bodies.append(
            {
                "role": "text",
                "contenttype": "text/plain",
                "charcount": len(text),
                "wordcount": len(text.split()),
                "value": text,
            }
        )
    return bodies


def body_html(page, pictures, request) -> str:
    """The body as HTML any partner can show: one element per block, the markup the
    ingest side reads back (``lib.html_blocks``), sanitised, every link absolute."""
    in_body = {picture.index: picture for picture in pictures if picture.index is not None}
    blocks = []
    for index, block in enumerate(page.body):
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            blocks.append(Block("paragraph", html=expand_db_html(value.source)))
        elif kind == "heading":
            blocks.append(Block("heading", text=value["text"], level=value["level"]))
        elif kind == "quote":
            blocks.append(Block("quote", text=value["quote"], attribution=value["attribution"]))
        elif kind == "image" and index in in_body:
            picture = in_body[index]
            src = next(r["href"] for r in picture.renditions if r["name"] == BODY_IMAGE)
            shown = {"caption": picture.caption, "alt": picture.alt, "credit": picture.credit}
            blocks.append(Block("image", image={"src": src, **shown}))
        elif kind == "fact_box":
            blocks.append(Block("heading", text=value["title"], level="h3"))
            blocks.append(Block("paragraph", html=expand_db_html(value["body"].source)))
        elif kind == "embed" and value:
            url = escape(value.url)
            blocks.append(Block("paragraph", html=f'<p><a href="{url}">{url}</a></p>'))
        elif kind == "related_article":
            article = value["article"]
            if article is not None and article.live:
                label = escape(value["label"] or gettext("Read also"))
                href = escape(article.get_full_url(request) or "")
                link = f'<a href="{href}">{escape(article.title)}</a>'
                blocks.append(Block("paragraph", html=f"<p>{label} {link}</p>"))
        elif kind == "imported_html":
            blocks.append(Block("html", html=str(value)))
    html = sanitise(scrub(blocks_to_html(blocks)))
    # nh3 writes every attribute in double quotes: make the site's own links absolute.
    root = absolute_url(request, "")
    return RELATIVE.sub(lambda m: f'{m[1]}{root}{m[2]}"', html).strip()


def _absolute(request, url: str) -> str:
    return url if not url.startswith("/") or url.startswith("//") else absolute_url(request, url)
