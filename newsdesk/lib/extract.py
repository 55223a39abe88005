"""The article in a news web page: trafilatura finds the story among the navigation,
sidebars and footers; this module adds what a newsroom needs on top of it — the lede, the
date with its time, image captions and credits, the language, and the outlet the page
itself credits (“Selon vietnamnet.vn”, “According to Reuters”, “Theo VnExpress”)."""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import py3langid
import trafilatura
from dateutil import parser as dateparser

from .html_blocks import Block, block_text, html_text, html_to_blocks, split_caption, text_of

CREDIT_LINE = re.compile(
    r"^(?:Selon|D['’]après|Source\s*:|According to|Source:|Via|Theo|Nguồn\s*:)\s*"
    r"(?P<name>[^,;:!?«»\"“”]{2,80}?)\s*[.:]?$",
    re.IGNORECASE,
)
URL = re.compile(r"^https?://\S+$")
_LANGUAGES = {"fr", "en", "vi"}


class ExtractionError(ValueError):
    """The page holds no article Newsdesk can read."""


@dataclass
class Upstream:
    name: str
    url: str = ""

    @property
    def home_url(self) -> str:
        if self.url:
            parts = urlsplit(self.url)
            return f"{parts.scheme}://{parts.netloc}"
        if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", self.name, re.IGNORECASE):
            return f"https://{self.name.lower()}"
        return ""


@dataclass
class Article:
    headline: str
    url: str = ""
    lede: str = ""
    blocks: list[Block] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    language: str = ""
    tags: list[str] = field(default_factory=list)
    main_image: str = ""
    site_name: str = ""
    upstream: Upstream | None = None

    @property
    def images(self) -> list[dict]:
        return [block.image for block in self.blocks if block.kind == "image"]

    @property
    def headings(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind == "heading"]


def extract_article(html: str, *, url: str = "") -> Article:
    """The article in ``html`` (a whole page), read as if served from ``url``."""
    if not html or not html.strip():
        raise ExtractionError("the page is empty")
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ExtractionError(f"the page is not readable HTML ({error})") from None
    meta = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    body = trafilatura.extract(
        html,
        url=url or None,
        output_format="html",
        include_images=True,
        include_formatting=True,
        include_links=True,
        include_tables=True,
        include_comments=False,
    )
    if meta is None or not body:
        raise ExtractionError("no article text was found in the page")
    blocks = html_to_blocks(_body_of(body))
    _complete_images(blocks, tree, url)
    upstream, credit_texts = find_upstream(tree, url)
    blocks = [b for b in blocks if not _is_credit(b, credit_texts)]
    headline = (meta.title or "").strip()
    if not headline:
        raise ExtractionError("the page has no headline")
    lede, blocks = _lede(meta.description or "", blocks)
    text = " ".join(block_text(b) for b in blocks if b.kind in ("paragraph", "heading", "quote"))
    return Article(
        headline=headline,
        url=meta.url or url,
        lede=lede,
        blocks=blocks,
        authors=_authors(meta.author),
        published=_published(tree) or _parse_date(meta.date),
        language=_language(tree, f"{headline}\n{lede}\n{text}"),
        tags=list(meta.tags or []),
        main_image=urljoin(url, meta.image) if meta.image else "",
        site_name=_site_name(tree, meta.url or url),
        upstream=upstream,
    )


def _site_name(tree, url: str) -> str:
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or "").lower() == "og:site_name" and meta.get("content"):
            return " ".join(meta.get("content").split())
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _body_of(document: str) -> str:
    root = lxml.html.document_fromstring(document)
    body = root.find("body")
    if body is None:
        return document
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in body)


def _complete_images(blocks: list[Block], tree, url: str) -> None:
    """trafilatura keeps an image but not its ``<figcaption>``: take caption and credit from
    the figure in the page, and make its address absolute."""
    for block in blocks:
        if block.kind != "image":
            continue
        src = block.image["src"]
        for img in tree.iter("img"):
            if img.get("src") != src:
                continue
            figure = next((a for a in img.iterancestors("figure")), None)
            caption = figure.find(".//figcaption") if figure is not None else None
            if caption is not None:
                block.image["caption"], block.image["credit"] = split_caption(text_of(caption))
            break
        block.image["src"] = urljoin(url, src) if url else src


def find_upstream(tree, url: str = "") -> tuple[Upstream | None, set[str]]:
    """The outlet a page credits for its story, and the texts of the lines that say so.

    The credit is a short line of its own (“Selon vietnamnet.vn”), perhaps with a link,
    perhaps followed by a line holding only the original URL; the last one in the page
    wins (a credit line sits at the end of the story)."""
    found, texts = None, set()
    for element in tree.iter("p", "div", "span", "em", "strong", "b", "i", "footer", "cite"):
        if element.find(".//p") is not None or element.find(".//div") is not None:
            continue
        text = text_of(element)
        match = CREDIT_LINE.match(text)
        if not match or len(text) > 100:
            continue
        parent = element.getparent()
        if parent is not None and text_of(parent) == text and parent.tag != "body":
            continue  # the enclosing line was read already
        link = element.find(".//a[@href]")
        if link is None:
            link = element.getparent().find(".//a[@href]") if element.tag != "p" else None
        credit_url = link.get("href") if link is not None else ""
        following = element.getnext() if element.tag == "p" else None
        if not credit_url and following is not None:
            nearby = text_of(following)
            if URL.match(nearby):
                credit_url = nearby
                texts.add(nearby)
            elif (anchor := following.find(".//a[@href]")) is not None and URL.match(nearby):
                credit_url = anchor.get("href")
        if credit_url and url:
            credit_url = urljoin(url, credit_url)
        found = Upstream(name=match.group("name").strip(), url=credit_url)
        texts.add(text)
    return found, texts


def _is_credit(block: Block, credit_texts: set[str]) -> bool:
    if block.kind != "paragraph" or not credit_texts:
        return False
    return html_text(block.html) in credit_texts


def _lede(description: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """The standfirst: the page's description when the story opens with it (and then it
    leaves the body), else the description, else the first paragraph."""
    description = " ".join(description.split())
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    first_text = html_text(first.html) if first else ""
    if first is not None and (not description or first_text == description):
        return first_text, [b for b in blocks if b is not first]
    return description, blocks


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [name.strip() for name in re.split(r";|\s+(?:and|et|và)\s+", value) if name.strip()]


def _published(tree) -> datetime | None:
    """The publication time with its hour: JSON-LD, article meta tags, then ``<time>``."""
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and (value := _parse_date(item.get("datePublished"))):
                return value
    for name in ("article:published_time", "og:published_time", "pubdate", "date"):
        for meta in tree.iterfind(".//meta"):
            value = _parse_date(meta.get("content"))
            if value and name in (meta.get("property"), meta.get("name")):
                return value
    for time in tree.iterfind(".//time[@datetime]"):
        if value := _parse_date(time.get("datetime")):
            return value
    return None


def _parse_date(value) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return dateparser.isoparse(value.strip())
    except (ValueError, OverflowError):
        return None


def _language(tree, text: str) -> str:
    """The page's declared language when it says one, else the one its text reads as."""
    declared = (tree.get("lang") or "").split("-")[0].lower()
    if declared:
        return declared
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or "").lower() == "og:locale" and meta.get("content"):
            return meta.get("content").split("_")[0].lower()
    if len(text.split()) < 5:
        return ""
    language, _score = py3langid.classify(text)
    return language
