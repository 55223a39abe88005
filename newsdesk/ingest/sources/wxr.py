"""WordPress exports (WXR): a whole site moved into one edition.

The file is read completely, and safely, before anything is written: a file that is not
well-formed, that is truncated, or that declares entities (billion laughs, external
entities) is refused as a whole. Then authors, categories (→ sections), tags, attachments
(→ library images, with ``download_media``), posts and pages (→ articles) are imported,
each in its own transaction and keyed on its stable WordPress id through
``ImportedObject``: running the import again, or finishing one that was killed half-way,
finds what is there instead of making it twice, and tells “updated” (the export says
something else now) from “skipped” (nothing changed). Every old permalink, and the
``?p=``/``?page_id=`` forms, becomes a permanent redirect to the new page.

WordPress pages have no page type of their own here: they become articles in a “Pages”
section of the edition (slug ``pages``), with their redirects.
"""

import hashlib
import io
import json
import mimetypes
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import lxml.html
from anyascii import anyascii
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml import ElementTree as SafeET
from defusedxml.common import ExternalReferenceForbidden
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Locale,
    Page,
    PageLogEntry,
    PageViewRestriction,
    ReferenceIndex,
    Revision,
)
from wagtail.search.backends import get_search_backends_with_name
from wagtail.signal_handlers import disable_reference_index_auto_update

from newsdesk.articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    NewsTag,
    UncreditedImageError,
)
from newsdesk.articles.services import get_month_folder
from newsdesk.authors.models import Author
from newsdesk.editions.models import HomePage
from newsdesk.images.models import NewsImage
from newsdesk.lib.html_blocks import (
    INLINE,
    Block,
    autop,
    block_text,
    html_text,
    html_to_blocks,
    sanitise,
)
from newsdesk.lib.slugs import free_slug
from newsdesk.sections.models import (
    RESERVED_SLUGS,
    MonthArchivePage,
    SectionPage,
    YearArchivePage,
)

from ..models import ImportedObject
from .base import IngestError, Summary

WP_NAMESPACE = "http://wordpress.org/export/"
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
TYPES = ("authors", "categories", "tags", "attachments", "posts", "pages", "other")
PUBLISHED = {"publish"}
DRAFTS = {"draft", "pending", "private", "future"}
NO_DATE = "0000-00-00 00:00:00"
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
CAPTION_ATTR = re.compile(r'caption="([^"]*)"', re.I)
CAPTION_IMAGE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
MEDIA = ("iframe", "video", "audio", "embed", "object")
# Markup prepare_html changes: players and frames, and addresses that are not absolute.
NEEDS_REWRITE = re.compile(
    r"<(?:iframe|video|audio|embed|object)\b|\b(?:src|href)\s*=\s*[\"']?+(?!https?:|mailto:|#)",
    re.I,
)
BATCH = 100  # posts per transaction (each in its own savepoint)
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")
FIRST_TAG = re.compile(r"\s*<(\w+)")

# Sections the import makes when WordPress names none: its pages, and posts in no category.
FALLBACK_SECTIONS = {"pages": gettext_lazy("Pages"), "archives": gettext_lazy("Archives")}


# Reading -------------------------------------------------------------------------------


@dataclass
class WxrAuthor:
    login: str
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    description: str = ""

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return (self.display_name or full or self.login).strip()[:255]


@dataclass
class WxrCategory:
    nicename: str
    name: str = ""
    term_id: str = ""
    parent: str = ""
    description: str = ""


@dataclass
class WxrTag:
    slug: str
    name: str = ""


@dataclass
class WxrItem:
    post_id: str
    post_type: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date_gmt: str = ""
    date: str = ""
    modified_gmt: str = ""
    post_name: str = ""
    status: str = ""
    parent: str = ""
    password: str = ""
    attachment_url: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (nicename, name)
    tags: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.post_type} {self.post_id}: {clean_title(self.title) or self.post_name}"

    def checksum(self, *extra) -> str:
        payload = json.dumps([self.__dict__, *extra], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class WxrSite:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    authors: list[WxrAuthor] = field(default_factory=list)
    categories: list[WxrCategory] = field(default_factory=list)
    tags: list[WxrTag] = field(default_factory=list)
    items: list[WxrItem] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The blog's own address: ``base_site_url`` is the network's for a multisite (every
        wordpress.com blog says ``https://wordpress.com/``), so the blog URL comes first."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


def _name(tag: str) -> str:
    """``wp:post_id``, ``content:encoded``, ``title``: the tag with a stable prefix, whatever
    the WXR version in the namespace URI."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith(WP_NAMESPACE):
        return f"excerpt:{local}" if uri.rstrip("/").endswith("excerpt") else f"wp:{local}"
    return f"{NAMESPACES.get(uri, uri)}:{local}"


def _texts(element) -> dict[str, str]:
    return {_name(child.tag): (child.text or "").strip() for child in element}


def _item(element) -> WxrItem:
    values = _texts(element)
    item = WxrItem(
        post_id=values.get("wp:post_id", ""),
        post_type=values.get("wp:post_type", ""),
        title=values.get("title", ""),
        link=values.get("link", ""),
        guid=values.get("guid", ""),
        creator=values.get("dc:creator", ""),
        content=_raw(element, "content:encoded"),
        excerpt=_raw(element, "excerpt:encoded"),
        date_gmt=values.get("wp:post_date_gmt", ""),
        date=values.get("wp:post_date", ""),
        modified_gmt=values.get("wp:post_modified_gmt", ""),
        post_name=values.get("wp:post_name", ""),
        status=values.get("wp:status", ""),
        parent=values.get("wp:post_parent", ""),
        password=values.get("wp:post_password", ""),
        attachment_url=values.get("wp:attachment_url", ""),
    )
    for child in element:
        name = _name(child.tag)
        if name == "category":
            label = (child.text or "").strip()
            nicename = child.get("nicename") or slugify(anyascii(label))
            domain = child.get("domain", "category")
            if domain == "category":
                item.categories.append((nicename, label))
            elif domain == "post_tag":
                item.tags.append((nicename, label))
        elif name == "wp:postmeta":
            meta = _texts(child)
            item.meta.setdefault(meta.get("wp:meta_key", ""), meta.get("wp:meta_value", ""))
    return item


def _raw(element, name: str) -> str:
    for child in element:
        if _name(child.tag) == name:
            return child.text or ""
    return ""


def read_wxr(source: str | Path | bytes) -> WxrSite:
    """The whole export, read through a parser that refuses entity declarations and
    external references (defusedxml), or ``IngestError`` naming what is wrong."""
    if isinstance(source, bytes):
        return _read(io.BytesIO(source))
    try:
        with open(source, "rb") as stream:
            return _read(stream)
    except OSError as error:
        raise IngestError(f"cannot read {source}: {error.strerror}") from None


def _read(stream) -> WxrSite:
    site, seen_wxr, root = WxrSite(), False, None
    path: list[str] = []
    try:
        events = SafeET.iterparse(
            stream, events=("start", "end"), forbid_dtd=False, forbid_entities=True
        )
        for event, element in events:
            if event == "start":
                root = root if root is not None else element
                path.append(_name(element.tag))
                seen_wxr = seen_wxr or path[-1].startswith("wp:")
                continue
            name = path.pop()
            parent = path[-1] if path else ""
            if name == "item" and parent == "channel":
                site.items.append(_item(element))
            elif parent != "channel":
                continue
            elif name == "wp:author":
                values = _texts(element)
                site.authors.append(
                    WxrAuthor(
                        login=values.get("wp:author_login", ""),
                        display_name=values.get("wp:author_display_name", ""),
                        first_name=values.get("wp:author_first_name", ""),
                        last_name=values.get("wp:author_last_name", ""),
                        description=values.get("wp:author_description", ""),
                    )
                )
            elif name == "wp:category":
                values = _texts(element)
                site.categories.append(
                    WxrCategory(
                        nicename=values.get("wp:category_nicename", ""),
                        name=values.get("wp:cat_name", ""),
                        term_id=values.get("wp:term_id", ""),
                        parent=values.get("wp:category_parent", ""),
                        description=values.get("wp:category_description", ""),
                    )
                )
            elif name == "wp:tag":
                values = _texts(element)
                site.tags.append(
                    WxrTag(slug=values.get("wp:tag_slug", ""), name=values.get("wp:tag_name", ""))
                )
            elif name in ("title", "link", "language"):
                setattr(site, name, (element.text or "").strip())
            elif name in ("wp:base_site_url", "wp:base_blog_url"):
                setattr(site, name[3:], (element.text or "").strip())
            if name != "channel" and parent == "channel":
                element.clear()  # the items are kept as data; the tree need not be
    except EntitiesForbidden as error:
        if error.sysid:
            raise IngestError(
                f"the file declares an external entity {error.name!r} pointing at "
                f"{error.sysid!r} (an XML external entity attack?); refused, nothing imported"
            ) from None
        raise IngestError(
            f"the file declares the XML entity {error.name!r}; a WordPress export declares "
            "none (entity expansion, “billion laughs”, is an attack); refused, nothing imported"
        ) from None
    except ExternalReferenceForbidden as error:
        raise IngestError(
            f"the file refers to the external resource {error.sysid!r}; refused, nothing imported"
        ) from None
    except (DTDForbidden, DefusedXmlException) as error:
        raise IngestError(f"the file is refused ({error}); nothing imported") from None
    except ParseError as error:
        raise IngestError(
            f"the file is not well-formed XML ({error}): damaged or truncated? Nothing imported"
        ) from None
    except (ValueError, LookupError) as error:
        raise IngestError(f"the file cannot be read as XML ({error}); nothing imported") from None
    if root is None or _name(root.tag) != "rss" or not seen_wxr:
        raise IngestError(
            "the file is not a WordPress export (WXR): no <rss> with wp: elements; nothing imported"
        )
    return site


# Content ----------------------------------------------------------------------------


def clean_title(title: str) -> str:
    """A WordPress title as plain text: tags dropped, entities decoded."""
    if "<" in title:
        title = lxml.html.fragment_fromstring(title, create_parent="div").text_content()
    return " ".join(unescape(title).split())


def _caption_figure(match) -> str:
    attrs, inner = match.group(1), match.group(2).strip()
    found = CAPTION_IMAGE.match(inner)
    if not found:
        return inner
    attr = CAPTION_ATTR.search(attrs)
    caption = found.group(2).strip() or (attr.group(1) if attr else "")
    return f"<figure>{found.group(1)}<figcaption>{caption}</figcaption></figure>"


def _embed_link(match) -> str:
    url = escape(match.group(1).strip())
    return f'<p><a href="{url}">{url}</a></p>'


def prepare_html(content: str, *, base_url: str) -> str:
    """WordPress content as plain HTML: classic posts get their paragraphs and their
    ``[caption]``/``[embed]`` shortcodes made into markup (block posts carry their own);
    relative links become absolute; players and frames (which sanitising would drop)
    become links to what they showed. Other shortcodes stay as text, for an editor."""
    if "<!-- wp:" not in content:
        content = CAPTION.sub(_caption_figure, content)
        content = EMBED.sub(_embed_link, content)
        content = autop(content)
    if not content.strip():
        return ""
    if not NEEDS_REWRITE.search(content):
        return content
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    for element in list(root.iter(*MEDIA)):
        if element.getparent() is None:
            continue
        source = element.get("src") or element.get("data") or ""
        if not source:
            inner = element.find(".//source[@src]")
            source = inner.get("src") if inner is not None else ""
        link = lxml.html.Element("a", href=source)
        link.text = source
        link.tail = element.tail
        element.getparent().replace(element, link)
    if base_url:
        root.rewrite_links(lambda url: _absolute(url, base_url + "/"), resolve_base_href=False)
    return "".join(
        [escape(root.text or "", quote=False)]
        + [lxml.html.tostring(child, encoding="unicode") for child in root]
    )


def content_blocks(content: str, *, base_url: str) -> list[Block]:
    """The blocks of a post's body. ``html_to_blocks`` may leave words out of a block it
    recognises (text beside a quote's paragraphs, a list in a quote, text in a figure
    beside its caption); when a post's words are not all in its blocks, each part of it
    that loses words is kept whole, as markup, instead."""
    html = sanitise(prepare_html(content, base_url=base_url))
    blocks = html_to_blocks(html)
    if not html.strip() or _words_of_html(html) <= _words_of_blocks(blocks):
        return blocks
    blocks = []
    for part in _parts(html):
        part_blocks = html_to_blocks(part)
        if not _words_of_html(part) <= _words_of_blocks(part_blocks):
            tag = FIRST_TAG.match(part)
            part = part if tag and tag.group(1).lower() not in INLINE else f"<p>{part}</p>"
            part_blocks = [Block("html", html=part)]
        blocks += part_blocks
    return blocks


def _parts(html: str) -> list[str]:
    """The top-level elements of a fragment, runs of text and inline elements together."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    parts, run = [], [escape(root.text or "", quote=False)]
    for child in root:
        if isinstance(child.tag, str) and child.tag not in INLINE:
            parts.append("".join(run))
            parts.append(lxml.html.tostring(child, encoding="unicode", with_tail=False))
            run = [escape(child.tail or "", quote=False)]
        else:
            run.append(lxml.html.tostring(child, encoding="unicode"))
    parts.append("".join(run))
    return [part for part in parts if part.strip()]


def _words_of_html(html: str) -> set[str]:
    """The words of sanitised markup (where no ``>`` is left unescaped in text)."""
    return set(WORD.findall(unescape(TAG.sub(" ", html))))


def _words_of_blocks(blocks: list[Block]) -> set[str]:
    texts = []
    for block in blocks:
        texts += [block.text, block.attribution, *block.image.values()]
    markup = " ".join(b.html for b in blocks if b.kind in ("paragraph", "html"))
    return _words_of_html(markup) | set(WORD.findall(" ".join(filter(None, texts))))


def _absolute(url: str, base: str) -> str:
    if url.startswith("#"):  # a place in the same post
        return url
    try:
        return urljoin(base, url.strip())
    except ValueError:
        return url


def figure_html(image: dict) -> str:
    """An image kept as markup (not brought into the library): nothing of it is lost."""
    caption = " ".join(filter(None, [image.get("caption", ""), image.get("credit", "")]))
    figcaption = f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else ""
    img = (
        f'<img src="{escape(image["src"])}" alt="{escape(image.get("alt", ""))}">'
        if image.get("src")
        else ""
    )
    return sanitise(f"<figure>{img}{figcaption}</figure>") if img or figcaption else ""


def normalise_media_url(url: str) -> str:
    """The address of the original upload: no query (``?w=1024``), no ``-300x200`` size."""
    parts = urlsplit(url)
    return SIZE_SUFFIX.sub("", f"{parts.netloc}{parts.path}").lower()


# Summary ----------------------------------------------------------------------------


@dataclass
class WxrSummary:
    """What the import did, per type, with the problems that did not stop an item."""

    site: str = ""
    edition: str = ""
    dry_run: bool = False
    download_media: bool = False
    types: dict[str, Summary] = field(default_factory=lambda: {t: Summary() for t in TYPES})
    problems: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> list[dict]:
        return [r for summary in self.types.values() for r in summary.rejected]

    @property
    def created_count(self) -> int:
        return sum(len(summary.created) for summary in self.types.values())

    def as_dict(self) -> dict:
        types = {}
        for name, summary in self.types.items():
            data = summary.as_dict()
            data.pop("items", None)
            types[name] = data
        return {
            "site": self.site,
            "edition": self.edition,
            "dry_run": self.dry_run,
            "download_media": self.download_media,
            **types,
            "problems": self.problems,
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2, default=str)

    def __str__(self) -> str:
        lines = [f"WordPress site {self.site} → edition {self.edition}"]
        for name, summary in self.types.items():
            counts = summary.as_dict()["counts"]
            lines.append(f"{name:<12} " + ", ".join(f"{k}: {v}" for k, v in counts.items()))
            lines += [f"  rejected: {r['item']}: {r['reason']}" for r in summary.rejected]
        lines += [f"  problem: {problem}" for problem in self.problems]
        if self.types["attachments"].skipped and not self.download_media:
            lines.append("Attachments were not downloaded: run again with --download-media.")
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return "\n".join(lines)


# Import -----------------------------------------------------------------------------


class _DryRunRollback(Exception):
    pass


@dataclass
class _Staged:
    """What the new pages of a batch leave to write at its end, one statement per table:
    rows to insert (log entries, references, redirects, import records), month folders'
    child counts, pages' revision links. An item's share joins its batch's only when the
    item succeeds; the batch writes it inside its own transaction."""

    rows: list = field(default_factory=list)
    children: Counter = field(default_factory=Counter)  # folder id → pages added to it
    revised: list = field(default_factory=list)  # pages whose revision links to write
    redirects: dict = field(default_factory=dict)  # old path → page id

    def add(self, other: "_Staged") -> None:
        self.rows += other.rows
        self.children.update(other.children)
        self.revised += other.revised
        self.redirects.update(other.redirects)

    def write(self) -> None:
        redirects, rows = {}, {}
        for row in self.rows:
            if isinstance(row, Redirect):
                redirects[row.old_path] = row  # the last item to claim a path has it
            else:
                rows.setdefault(type(row), []).append(row)
        rows[Redirect] = list(redirects.values())
        for model, objects in rows.items():
            model.objects.bulk_create(objects, ignore_conflicts=model is ReferenceIndex)
        for folder_id, count in self.children.items():
            Page.objects.filter(pk=folder_id).update(numchild=F("numchild") + count)
        if self.revised:
            Page.objects.bulk_update(self.revised, ["latest_revision", "live_revision"])


@contextmanager
def _deferred_indexing(models: list[type]) -> Iterator[None]:
    """Neither the search index nor the reference index updated on every save of ``models``
    (Wagtail saves a page three times on its way to publication): the importer indexes
    each page's references once, and their text in bulk at the end."""
    from modelsearch.signal_handlers import post_save_signal_handler

    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


class WxrImport:
    """One run of an import: the edition, the options, the lookups cached for the run."""

    def __init__(
        self,
        site: WxrSite,
        *,
        home: HomePage,
        download_media: bool,
        dry_run: bool,
        progress: Callable[[int], None] | None,
    ):
        self.site, self.home, self.locale = site, home, home.locale
        self.download_media, self.dry_run = download_media, dry_run
        self.fetch_media = download_media and not dry_run  # a dry run writes no file
        self.progress = progress or (lambda n: None)
        self.origin = f"wxr:{site.url}"[:255]
        self.summary = WxrSummary(
            site=site.url,
            edition=self.locale.language_code,
            dry_run=dry_run,
            download_media=download_media,
        )
        blog = urlsplit(site.url)
        self.blog_host, self.blog_path = blog.netloc.lower(), blog.path.rstrip("/")
        self.credit = clean_title(site.title) or blog.netloc
        self.all_authors = _all_authors(site)
        self.all_categories = _all_categories(site)
        self.all_tags = _all_tags(site)
        self.attachments = {
            normalise_media_url(item.attachment_url): item
            for item in site.items
            if item.post_type == "attachment" and item.attachment_url
        }
        self.attachment_ids = {item.post_id: item for item in self.attachments.values()}
        self.records: dict[str, dict[str, ImportedObject]] = {}
        self.authors: dict[str, Author] = {}
        self.tags: dict[str, NewsTag] = {}
        self.touched: list[int] = []  # pages to index at the end
        self.folder_ids: set[int] = set()  # and their month folders
        self.seen: set[tuple[str, str]] = set()  # (post type, id) of the items done
        self.staged = _Staged()  # what the item being imported leaves to its batch
        self.batch = _Staged()  # what the batch's items left, written at its end
        self.redirects: dict[str, int | None] = {}  # old path → page, see _load_redirects
        for record in ImportedObject.objects.filter(origin=self.origin):
            self.records.setdefault(record.kind, {})[record.key] = record
        self._forget()

    def _forget(self) -> None:
        """Drop what an object rolled back may have left stale in memory: the pages whose
        tree it changed (home, sections, folders) and the images it brought in. (A record
        may outlive its object too: each use of one checks that its object exists.)"""
        self.home = HomePage.objects.get(pk=self.home.pk)
        self.sections: dict[str, SectionPage | None] = {}
        self.folders: dict[tuple, list] = {}  # (section, year, month) → see _folder
        self.images: dict[str, NewsImage | None] = {}

    @property
    def total(self) -> int:
        return (
            len(self.all_authors)
            + len(self.all_categories)
            + len(self.all_tags)
            + len(self.site.items)
        )

    # --- the run

    def run(self) -> WxrSummary:
        if not self.dry_run:
            self._run()
            self._index()
            return self.summary
        try:
            with transaction.atomic():
                self._run()
                raise _DryRunRollback
        except _DryRunRollback:
            pass
        return self.summary

    def _run(self) -> None:
        self._claim_edition()
        for author in self.all_authors:
            self._step("authors", author.login, lambda a=author: self._author(a))
        for category in self.all_categories:
            self._step("categories", category.nicename, lambda c=category: self._category(c))
        for tag in self.all_tags:
            self._step("tags", tag.slug, lambda t=tag: self._tag(t))
        for item in self.site.items:
            if item.post_type == "attachment":
                self._step("attachments", item.label, lambda i=item: self._attachment(i))
        items = [item for item in self.site.items if item.post_type != "attachment"]
        self._load_redirects(items)
        with _deferred_indexing([ArticlePage, YearArchivePage, MonthArchivePage]):
            for start in range(0, len(items), BATCH):
                # Committed in batches, each item in a savepoint of its own; the rows its
                # items staged are written at the end of the batch, in the same transaction.
                with transaction.atomic():
                    for item in items[start : start + BATCH]:
                        self._item(item)
                    self.batch.write()
                    self.batch = _Staged()

    def _item(self, item: WxrItem) -> None:
        key = (item.post_type, item.post_id)
        if item.post_type in ("post", "page") and key not in self.seen:
            self.seen.add(key)
            self._step(f"{item.post_type}s", item.label, lambda: self._post(item))
        else:
            again = " (its id is another item's)" if key in self.seen else ""
            self.summary.types["other"].add("skipped", item.label + again)
            self.progress(1)

    def _step(self, kind: str, label: str, action: Callable[[], tuple[str, str]]) -> None:
        """One object in its own transaction (or savepoint): when it fails, it is reported
        with its reason and nothing of it stays; the import goes on. The rows it staged
        (``self.staged``) join its batch's only when it succeeds."""
        self.staged = _Staged()
        try:
            with transaction.atomic():
                outcome, label = action()
        except Exception as error:  # noqa: BLE001 — one bad object must not stop the rest
            if isinstance(error, ValidationError):
                reason = "; ".join(error.messages)
            elif isinstance(error, IngestError):
                reason = str(error)
            else:
                reason = f"{type(error).__name__}: {error}"
            self.summary.types[kind].reject(label, reason)
            self._forget()
        else:
            self.summary.types[kind].add(outcome, label)
            self.batch.add(self.staged)
            self.redirects.update(self.staged.redirects)
        self.progress(1)

    # --- records

    def _claim_edition(self) -> None:
        """A WordPress site goes to one edition: its old addresses can lead to one place."""
        claim, created = ImportedObject.objects.get_or_create(
            origin=self.origin, kind="site", key="edition", defaults={"object_id": self.locale.pk}
        )
        if not created and claim.object_id != self.locale.pk:
            other = Locale.objects.filter(pk=claim.object_id).first()
            raise IngestError(
                f"{self.site.url} was imported into the "
                f"{other.language_code if other else 'another'} edition already; its old "
                "addresses can only redirect to one edition. Nothing imported"
            )

    def _record(
        self, kind: str, key: str, *, object_id, url: str = "", checksum: str = "", new=False
    ):
        values = {"object_id": object_id, "url": url[:1000], "checksum": checksum}
        if new:  # a post's or page's, written with its batch
            record = ImportedObject(origin=self.origin, kind=kind, key=key[:255], **values)
            self.staged.rows.append(record)
        else:
            record, _created = ImportedObject.objects.update_or_create(
                origin=self.origin, kind=kind, key=key[:255], defaults=values
            )
        self.records.setdefault(kind, {})[record.key] = record

    def _known(self, kind: str, key: str) -> ImportedObject | None:
        return self.records.get(kind, {}).get(key[:255])

    # --- authors, sections, tags

    def _author(self, data: WxrAuthor):
        checksum = _checksum(data.__dict__)
        record = self._known("author", data.login)
        author = record and Author.objects.filter(pk=record.object_id).first()
        if author and record.checksum == checksum:
            self.authors[data.login] = author
            return "skipped", data.login
        outcome = "updated" if author else "created"
        if author is None:
            slug = slugify(anyascii(data.name))[:255] or slugify(data.login) or "author"
            author = Author.objects.filter(locale=self.locale, slug=slug).first()
            if author is not None:  # a profile the newsroom made already: the byline is it
                outcome = "skipped"
            else:
                author = Author(locale=self.locale, slug=slug)
        if outcome != "skipped":
            author.name = data.name
            author.bio = author.bio or data.description
            author.save()
        self._record("author", data.login, object_id=author.pk, checksum=checksum)
        self.authors[data.login] = author
        return outcome, data.login

    def _category(self, data: WxrCategory):
        name = clean_title(data.name) or unquote(data.nicename)
        checksum = _checksum([name, data.parent, data.description])
        record = self._known("category", data.nicename)
        section = record and SectionPage.objects.filter(pk=record.object_id).first()
        if section and record.checksum == checksum:
            return "skipped", name
        parent = self._section(data.parent) or self.home
        if section:
            section.title, section.introduction = name[:255], data.description
            section.save_revision().publish()
            outcome = "updated"
        else:
            section, outcome = self._make_section(parent, name, data.nicename, data.description)
        self._record("category", data.nicename, object_id=section.pk, checksum=checksum)
        self.sections[data.nicename] = section
        return outcome, name

    def _section(self, nicename: str) -> SectionPage | None:
        if nicename and nicename not in self.sections:
            record = self._known("category", nicename)
            self.sections[nicename] = (
                SectionPage.objects.filter(pk=record.object_id).first() if record else None
            )
        return self.sections.get(nicename)

    def _make_section(self, parent, title: str, nicename: str, introduction: str = ""):
        """The section ``nicename`` under ``parent``: the edition's own when it has one of
        that slug, else a new published one (a reserved slug gets a suffix)."""
        base = slugify(anyascii(unquote(nicename)))[:80] or slugify(anyascii(title)) or "section"
        existing = SectionPage.objects.child_of(parent).filter(slug=base).first()
        if existing and base not in RESERVED_SLUGS:
            return existing, "skipped"
        taken = set(parent.get_children().values_list("slug", flat=True)) | RESERVED_SLUGS
        slug = free_slug(base, taken)
        section = parent.add_child(
            instance=SectionPage(
                title=title[:255], slug=slug, introduction=introduction, locale_id=self.locale.pk
            )
        )
        section.save_revision().publish()
        return section, "created"

    def _fallback_section(self, slug: str) -> SectionPage:
        """The edition's “Pages” (WordPress pages) or “Archives” (posts in no category)."""
        key = f"/{slug}"
        if key not in self.sections:
            with translation.override(self.locale.language_code):
                title = str(FALLBACK_SECTIONS[slug])
                self.sections[key], _outcome = self._make_section(self.home, title, slug)
        return self.sections[key]

    def _tag(self, data: WxrTag):
        name = (clean_title(data.name) or unquote(data.slug))[:100]
        record = self._known("tag", data.slug)
        tag = record and NewsTag.objects.filter(pk=record.object_id).first()
        if tag:
            self.tags[data.slug] = tag
            return "skipped", name
        tag = NewsTag.objects.filter(name__iexact=name).first()
        outcome = "skipped" if tag else "created"
        tag = tag or NewsTag.objects.create(name=name)
        self._record("tag", data.slug, object_id=tag.pk)
        self.tags[data.slug] = tag
        return outcome, name

    # --- attachments

    def _attachment(self, item: WxrItem):
        label = item.label
        record = self._known("attachment", item.post_id)
        image = None
        if record and record.object_id:
            image = NewsImage.objects.filter(pk=record.object_id).first()
        if image:
            self.images[item.post_id] = image
            return "skipped", label
        if not self.fetch_media:
            if record is None:
                self._record("attachment", item.post_id, object_id=None, url=item.attachment_url)
            if self.download_media:  # a dry run with --download-media
                return "created", f"{label} (would be downloaded)"
            return "skipped", f"{label} (not downloaded)"
        extension = Path(urlsplit(item.attachment_url).path).suffix.lower()
        if extension not in IMAGE_EXTENSIONS:
            kind = mimetypes.guess_type(item.attachment_url)[0] or extension or "unknown"
            if record is None:
                self._record("attachment", item.post_id, object_id=None, url=item.attachment_url)
            return "skipped", f"{label} (not an image: {kind}; left at {item.attachment_url})"
        image = self._fetch_image(
            item.attachment_url,
            title=clean_title(item.title),
            caption=clean_title(item.excerpt),
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            credit=self._credit(item),
            label=f"attachment {item.post_id} ({item.attachment_url})",
        )
        self._record("attachment", item.post_id, object_id=image.pk, url=item.attachment_url)
        self.images[item.post_id] = image
        return "created", label

    def _credit(self, item: WxrItem | None = None) -> str:
        """The photo's credit as WordPress recorded it (IPTC credit or copyright), else the
        old site's name: nothing the site published goes uncredited."""
        metadata = item.meta.get("_wp_attachment_metadata", "") if item else ""
        for key in ("credit", "copyright"):
            found = re.search(rf's:{len(key)}:"{key}";s:\d+:"([^"]+)"', metadata)
            if found and found.group(1).strip():
                return found.group(1).strip()[:255]
        return self.credit[:255]

    def _fetch_image(self, url: str, *, label: str, **texts) -> NewsImage:
        from ..services import import_image

        try:
            with transaction.atomic():
                return import_image(url=url, **texts)
        except IngestError as error:
            reason = str(error).removeprefix(f"image {url}: ")
            raise IngestError(f"{label}: {reason}", retryable=error.retryable) from None

    def _image_for(self, src: str, problems: list[str]) -> NewsImage | None:
        """The library image for an image a post shows: its attachment's (the original
        upload, whatever size the post used), or the remote image brought in."""
        attachment = self.attachments.get(normalise_media_url(src))
        key = attachment.post_id if attachment else src
        if key not in self.images:
            try:
                if attachment is not None:
                    self._attachment(attachment)
                else:
                    self.images[key] = self._fetch_image(
                        src, label=f"image {src}", credit=self._credit()
                    )
            except IngestError as error:
                problems.append(f"{error} (kept as markup)")
            self.images.setdefault(key, None)
        return self.images[key]

    # --- posts and pages

    def _post(self, item: WxrItem):
        label = item.label
        if item.status not in PUBLISHED | DRAFTS:
            return "skipped", f"{label} ({item.status or 'no status'})"
        kind = item.post_type
        checksum = item.checksum(self.fetch_media)
        record = self._known(kind, item.post_id)
        page = record and ArticlePage.objects.filter(pk=record.object_id).first()
        if page and record.checksum == checksum:
            return "skipped", label
        problems: list[str] = []
        values = self._page_values(item, problems)
        authors, tags = values.pop("authors"), values.pop("tags")
        if page:
            for name, value in values.items():
                setattr(page, name, value)
            page.article_authors = [ArticleAuthor(author=author) for author in authors]
            page.tags.clear()
            page.tags.add(*tags)
            self._update(page, item, problems)
            outcome = "updated"
        else:
            page = ArticlePage(locale_id=self.locale.pk, **values)
            self._create(page, item, authors=authors, tags=tags, problems=problems)
            outcome = "created"
        if item.password or outcome == "updated":
            self._protect(page, item)
        self._redirect(item, page)
        self._record(
            kind, item.post_id, object_id=page.pk, url=item.link, checksum=checksum, new=not record
        )
        self.touched.append(page.pk)
        self.summary.problems += [f"{label}: {problem}" for problem in problems]
        return outcome, label

    def _page_values(self, item: WxrItem, problems: list[str]) -> dict:
        blocks = content_blocks(item.content, base_url=self.site.url)
        body, lead_image = self._body(blocks, problems)
        thumbnail = self.attachment_ids.get(item.meta.get("_thumbnail_id", ""))
        if thumbnail is not None and self.fetch_media:
            lead_image = self._image_for(thumbnail.attachment_url, problems) or lead_image
        title = clean_title(item.title)
        if not title:
            title = item.post_name.replace("-", " ").capitalize() or f"#{item.post_id}"
        if len(title) > 255:
            problems.append(f"the title was cut to 255 characters (it was {len(title)})")
        excerpt = ""
        if item.excerpt.strip():
            excerpt = html_text(item.excerpt)
        lede = excerpt or next(
            (text for b in blocks if b.kind == "paragraph" and (text := block_text(b))), title
        )
        author = self.authors.get(item.creator)
        published = _gmt(item.date_gmt) or _local(item.date)
        return {
            "title": title[:255],
            "draft_title": title[:255],
            "lede": lede,
            "body": body,
            "lead_image": lead_image,
            "published_at": (published or timezone.now()) if item.status in PUBLISHED else None,
            "authors": [author] if author else [],
            "tags": [self.tags[slug] for slug, _label in item.tags if slug in self.tags],
        }

    def _body(self, blocks: list[Block], problems: list[str]) -> tuple[list, NewsImage | None]:
        """StreamField data of the blocks, as ``services._body_stream`` makes it, except that
        an image not brought into the library (no --download-media, or refused) stays as
        markup instead of being dropped, and a heading too long for one is a paragraph."""
        stream, first_image = [], None
        for block in blocks:
            if block.kind == "paragraph":
                stream.append(("paragraph", block.html))
            elif block.kind == "heading" and len(block.text) <= 255:
                stream.append(("heading", {"text": block.text, "level": block.level}))
            elif block.kind == "heading":
                stream.append(("paragraph", f"<p><b>{escape(block.text, quote=False)}</b></p>"))
            elif block.kind == "quote":
                stream.append(("quote", {"quote": block.text, "attribution": block.attribution}))
            elif block.kind == "html":
                stream.append(("imported_html", block.html))
            elif block.kind == "image":
                image = None
                if self.fetch_media and block.image.get("src"):
                    image = self._image_for(block.image["src"], problems)
                if image is None:
                    if markup := figure_html(block.image):
                        stream.append(("imported_html", markup))
                    continue
                first_image = first_image or image
                texts = {key: block.image.get(key, "")[:255] for key in ("caption", "alt")}
                credit = block.image.get("credit") or image.credit or self.credit
                stream.append(("image", {"image": image, **texts, "credit": credit[:255]}))
        return stream, first_image

    def _folder(self, item: WxrItem, when: datetime) -> list:
        """``[folder, slugs taken in it, path of its last child]`` for the month of ``when``
        in the post's section, read once per run."""
        if item.post_type == "page":
            section = self._fallback_section("pages")
        else:
            section = self._section_for(item)
        local = timezone.localtime(when)
        key = (section.pk, local.year, local.month)
        if key not in self.folders:
            folder = get_month_folder(section=section, when=when)
            self.folder_ids.add(folder.pk)
            children = Page.objects.child_of(folder).order_by("path")
            slugs = set(children.values_list("slug", flat=True))
            self.folders[key] = [folder, slugs, children.values_list("path", flat=True).last()]
        return self.folders[key]

    def _place(self, page: ArticlePage, item: WxrItem) -> Page:
        """Give the new page its slug and its place in the tree, as the last child of its
        month folder (what treebeard's ``add_child`` does, without reading the folder again
        for every one of thousands of pages); returns the folder."""
        when = page.published_at or _gmt(item.date_gmt) or _local(item.date) or timezone.now()
        state = self._folder(item, when)
        folder, taken, last = state
        base = (slugify(anyascii(unquote(item.post_name))) or slugify(anyascii(page.title)))[:80]
        slug = free_slug(base or "article", taken)
        page.slug, page.depth, page.numchild = slug, folder.depth + 1, 0
        if last:
            page.path = Page(path=last)._inc_path()
        else:
            page.path = Page._get_path(folder.path, page.depth, 1)
        page._cached_parent_obj = folder
        taken.add(slug)
        state[2] = page.path
        return folder

    def _section_for(self, item: WxrItem) -> SectionPage:
        """The section of the post's primary category (Yoast's, when it names one), else of
        its first category; an article has one section, so other categories are not kept."""
        names = [nicename for nicename, _label in item.categories]
        if primary := item.meta.get("_yoast_wpseo_primary_category", ""):
            names = [c.nicename for c in self.all_categories if c.term_id == primary] + names
        for nicename in names:
            if section := self._section(nicename):
                return section
        return self._fallback_section("archives")

    def _create(
        self, page: ArticlePage, item: WxrItem, *, authors: list, tags: list, problems: list[str]
    ) -> None:
        """A new article, written as Wagtail leaves one it has saved and (when WordPress had
        it published) published: live since its WordPress date, with one revision, and its
        creation and publication in its history.

        Saving it through ``add_child``, ``save_revision`` and Wagtail's publishing action
        (as an update does) costs ten times as many queries: too slow for an archive of a
        hundred thousand posts; and ``page_published`` would announce years-old stories to
        whatever listens (webhooks, caches) as news."""
        published = item.status in PUBLISHED
        if published and (missing := page.images_missing_credit()):
            titles = ", ".join(title for _field, title in missing)
            problems.append(f"kept as a draft: these images have no credit: {titles}")
            published = False
        now = timezone.now()
        if published:
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.published_at
            page.last_published_at = _gmt(item.modified_gmt) or page.published_at
        else:
            page.live, page.has_unpublished_changes, page.published_at = False, True, None
        page.draft_title, page.latest_revision_created_at = page.title, now
        folder = self._place(page, item)
        page.save(clean=False, log_action=None)  # logged below, with the publication
        self.staged.children[folder.pk] += 1
        page.article_authors = ArticleAuthor.objects.bulk_create(
            ArticleAuthor(page=page, author=author, sort_order=n)
            for n, author in enumerate(authors)
        )
        page.tagged_items = ArticlePageTag.objects.bulk_create(
            ArticlePageTag(content_object=page, tag=tag) for tag in dict.fromkeys(tags)
        )
        setattr(page, COMMENTS_RELATION_NAME, [])
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page),
            created_at=now,
        )
        page.latest_revision = revision
        page.live_revision = revision if published else None
        self.staged.revised.append(page)
        entries = [("wagtail.create", None)]
        if published:
            entries.append(("wagtail.publish", revision))
        content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
        self.staged.rows += [
            PageLogEntry(
                content_type=content_type,
                label=page.title,
                action=action,
                timestamp=now,
                page=page,
                revision=entry_revision,
                content_changed=True,
            )
            for action, entry_revision in entries
        ]
        self.staged.rows += self._references(page, content_type)

    @staticmethod
    def _references(page: ArticlePage, content_type: ContentType) -> list[ReferenceIndex]:
        """The rows ``ReferenceIndex.create_or_update_for_object`` writes (bylines, images)
        for a page that is new: none to read back or delete first, and its relations are
        in memory. (Its extraction helpers are private: Wagtail is pinned, and the tests
        check the result through the public ``get_references_to``.)"""
        base_content_type = page.get_base_content_type()
        return [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=page.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            )
        ]

    def _update(self, page: ArticlePage, item: WxrItem, problems: list[str]) -> None:
        """A new revision of an article the export changed, published through Wagtail when
        WordPress has it published; unpublished when WordPress no longer does."""
        revision = page.save_revision(clean=False, log_action=True)
        if item.status not in PUBLISHED:
            if page.live:
                page.unpublish()
            return
        first = page.first_published_at is None
        try:
            with transaction.atomic():
                revision.publish()
        except UncreditedImageError as error:
            problems.append(f"kept as a draft: {'; '.join(error.messages)}")
            return
        if first and page.published_at:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=page.published_at,
                last_published_at=_gmt(item.modified_gmt) or page.published_at,
            )
        ReferenceIndex.create_or_update_for_object(page)

    def _protect(self, page: ArticlePage, item: WxrItem) -> None:
        """A password-protected post keeps its password (Wagtail's page privacy)."""
        restrictions = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.PASSWORD
        )
        if item.password:
            restrictions.update_or_create(
                page=page,
                restriction_type=PageViewRestriction.PASSWORD,
                defaults={"password": item.password},
            )
        else:
            restrictions.delete()

    def old_paths(self, item: WxrItem) -> list[str]:
        """The paths the post was known by: its permalink (when on the blog's own host) and
        ``?p=<id>`` (posts) or ``?page_id=<id>`` (pages)."""
        query = "p" if item.post_type == "post" else "page_id"
        urls = [f"{self.blog_path}/?{query}={item.post_id}"]
        parts = urlsplit(item.link)  # not the guid: an id, which may name another site's post
        if parts.netloc.lower() == self.blog_host and (parts.path.rstrip("/") or parts.query):
            urls.append(item.link)
        paths = []
        for url in urls:
            path = Redirect.normalise_path(url)
            if path not in paths and path not in ("/", self.blog_path or "/"):
                paths.append(path)
        return paths

    def _redirect(self, item: WxrItem, page: ArticlePage) -> None:
        """Permanent redirects, for every site, from the old paths to the page (one path may
        have led elsewhere before: it leads here now)."""
        paths = []
        for path in self.old_paths(item):
            if len(path) > 255:
                self.summary.problems.append(f"{item.label}: no redirect from {path} (too long)")
            else:
                paths.append(path)
        elsewhere = [p for p in paths if p in self.redirects and self.redirects[p] != page.pk]
        changed = set()
        if elsewhere:
            for redirect in Redirect.objects.filter(site=None, old_path__in=elsewhere):
                redirect.redirect_page, redirect.redirect_link = page, ""
                redirect.is_permanent = True
                redirect.save()
                changed.add(redirect.old_path)
        self.staged.rows += [  # new paths, and any still waiting in this batch for another page
            Redirect(old_path=path, site=None, redirect_page=page, is_permanent=True)
            for path in paths
            if path not in self.redirects or (path in elsewhere and path not in changed)
        ]
        self.staged.redirects.update(dict.fromkeys(paths, page.pk))

    def _load_redirects(self, items: list[WxrItem]) -> None:
        """The redirects there are already from the old paths: ``{path: page id}``."""
        paths = [path for item in items for path in self.old_paths(item)]
        for start in range(0, len(paths), 500):
            found = Redirect.objects.filter(site=None, old_path__in=paths[start : start + 500])
            self.redirects.update(found.values_list("old_path", "redirect_page_id"))

    def _index(self) -> None:
        """Index the pages written (and the month folders made for them) for search, in
        bulk, as their saves would have one by one."""
        months = MonthArchivePage.objects.filter(pk__in=self.folder_ids)
        years = YearArchivePage.objects.filter(
            path__in={path[: -Page.steplen] for path in months.values_list("path", flat=True)}
        )
        for model, folders in ((YearArchivePage, years), (MonthArchivePage, months)):
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                backend.add_bulk(model, list(folders))
        for start in range(0, len(self.touched), 500):
            chunk = self.touched[start : start + 500]
            pages = list(ArticlePage.get_indexed_objects().filter(pk__in=chunk))
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                backend.add_bulk(ArticlePage, pages)


def _all_authors(site: WxrSite) -> list[WxrAuthor]:
    """The authors the export lists, and any it credits without listing them."""
    authors = {a.login: a for a in site.authors if a.login}
    for item in site.items:
        if item.creator and item.post_type in ("post", "page"):
            authors.setdefault(item.creator, WxrAuthor(login=item.creator))
    return list(authors.values())


def _all_categories(site: WxrSite) -> list[WxrCategory]:
    """The categories, parents before their children (a loop is cut where it closes), and
    any an item names without the export listing it."""
    by_name = {c.nicename: c for c in site.categories if c.nicename}
    for item in site.items:
        if item.post_type == "post":
            for nicename, label in item.categories:
                by_name.setdefault(nicename, WxrCategory(nicename=nicename, name=label))
    ordered, placed = [], set()

    def place(category, chain=()):
        if category.nicename in placed or category.nicename in chain:
            return
        if parent := by_name.get(category.parent):
            place(parent, (*chain, category.nicename))
        placed.add(category.nicename)
        ordered.append(category)

    for category in by_name.values():
        place(category)
    return ordered


def _all_tags(site: WxrSite) -> list[WxrTag]:
    tags = {t.slug: t for t in site.tags if t.slug}
    for item in site.items:
        if item.post_type == "post":
            for slug, name in item.tags:
                tags.setdefault(slug, WxrTag(slug=slug, name=name))
    return list(tags.values())


def _checksum(value) -> str:
    payload = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _gmt(value: str) -> datetime | None:
    if not value or value == NO_DATE:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local(value: str) -> datetime | None:
    if not value or value == NO_DATE:
        return None
    try:
        return timezone.make_aware(datetime.strptime(value, "%Y-%m-%d %H:%M:%S"))
    except ValueError:
        return None


def edition_home(language_code: str) -> HomePage:
    home = HomePage.objects.filter(locale__language_code=language_code).first()
    if home is None:
        codes = ", ".join(HomePage.objects.values_list("locale__language_code", flat=True))
        raise IngestError(f"there is no edition {language_code!r} (editions: {codes})")
    return home


def import_wxr(
    source: str | Path | bytes,
    *,
    edition: str,
    download_media: bool = False,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> WxrSummary:
    """Import the WordPress export ``source`` into the edition ``edition`` (a language code).

    Raises ``IngestError`` when the file as a whole is refused (before anything is
    written); an object that fails is reported in the summary and the rest goes on.
    ``progress(n)`` is called as objects are done; ``on_start(total)`` once, before.
    """
    home = edition_home(edition)
    site = read_wxr(source)
    run = WxrImport(
        site, home=home, download_media=download_media, dry_run=dry_run, progress=progress
    )
    if on_start:
        on_start(run.total)
    return run.run()
