"""Demo content: three editions of a fictional regional daily, written by the Newsdesk team.

``load_demo()`` is idempotent: everything is looked up by a stable key (a translation key
derived from the content's own id, a slug or a title) before it is created, so a second
run changes nothing.
"""

import io
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Locale

from newsdesk.articles.models import ArticleAuthor, ArticlePage
from newsdesk.articles.services import get_month_folder
from newsdesk.authors.models import Author
from newsdesk.editions import demo_content as content
from newsdesk.editions.models import FeaturedItem, HomePage
from newsdesk.images.models import NewsImage
from newsdesk.ingest.models import IngestItem, Source
from newsdesk.ingest.services import record_item
from newsdesk.ingest.sources.base import ItemData
from newsdesk.sections.models import SectionPage

LANGUAGES = ("fr", "en", "vi")
_NAMESPACE = uuid.UUID("6f1c9d7e-2b1a-4c55-9a57-0d6f1e3b8a21")


def demo_key(kind: str, key: str) -> uuid.UUID:
    """The translation key shared by every edition's version of one piece of demo content."""
    return uuid.uuid5(_NAMESPACE, f"{kind}:{key}")


def _local(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _make_image(spec: dict) -> NewsImage:
    image = NewsImage.objects.filter(title=spec["title"]).first()
    if image is not None:
        return image
    width, height = 1600, 900
    start, end = (
        tuple(int(c.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)) for c in spec["colors"]
    )
    canvas = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(canvas)
    for x in range(width):
        t = x / (width - 1)
        draw.line(
            [(x, 0), (x, height)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True)),
        )
    font = ImageFont.load_default(size=120)
    draw.text((width / 2, height / 2), spec["label"], font=font, fill="white", anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85)
    image = NewsImage(
        title=spec["title"],
        alt_text=spec["alt"]["fr"],
        caption=spec["caption"]["fr"],
        credit=spec["credit"],
    )
    image.file = ImageFile(buffer, name=f"{spec['key']}.jpg")
    image.save()
    return image


def _publish(page):
    page.save_revision().publish()


def _body(blocks, images, language):
    body = []
    for kind, value in blocks:
        if kind == "paragraph":
            body.append(("paragraph", f"<p>{value}</p>"))
        elif kind == "heading":
            body.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "quote":
            body.append(("quote", value))
        elif kind == "image":
            alt = value.get("alt") or content_image(value["image"])["alt"][language]
            block = {
                "image": images[value["image"]],
                "caption": value.get("caption", ""),
                "alt": alt,
                "credit": value.get("credit", ""),
            }
            body.append(("image", block))
        elif kind == "fact_box":
            items = "".join(f"<li>{item}</li>" for item in value["items"])
            body.append(("fact_box", {"title": value["title"], "body": f"<ul>{items}</ul>"}))
    return body


def _article(spec, *, key, language, locale, sections, authors, sources, images, related=None):
    translation_key = demo_key("article", key)
    existing = ArticlePage.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing, False
    published = _local(spec["published"])
    folder = get_month_folder(section=sections[(spec["section"], language)], when=published)
    source = spec.get("source")
    lead = images[spec["image"]]
    page = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        kicker=spec.get("kicker", ""),
        lede=spec["lede"],
        body=_body(spec["body"], images, language)
        + ([("related_article", {"article": related, "label": ""})] if related else []),
        lead_image=lead,
        lead_image_caption=content_image(spec["image"])["caption"][language],
        lead_image_alt=content_image(spec["image"])["alt"][language],
        published_at=published,
        updated_at=_local(spec.get("updated")),
        source=sources[source["source"]] if source else None,
        source_url=source["url"] if source else "",
        source_relation=source["relation"] if source else "",
        locale=locale,
        translation_key=translation_key,
    )
    for author_key in spec["authors"]:
        page.article_authors.add(ArticleAuthor(author=authors[(author_key, language)]))
    page.tags.add(*spec.get("tags", []))
    folder.add_child(instance=page)
    _publish(page)
    return page, True


def content_image(key: str) -> dict:
    return next(spec for spec in content.IMAGES if spec["key"] == key)


@transaction.atomic
def _inbox(sources) -> None:
    """A few stories waiting in the ingest inbox, one of them a duplicate."""
    for spec in content.INBOX:
        record_item(
            ItemData(
                key=spec["key"],
                origin=IngestItem.Origin.FEED,
                headline=spec["headline"],
                lede=spec["lede"],
                body_html=spec["body"],
                authors=spec["authors"],
                tags=spec["tags"],
                language=spec["lang"],
                original_url=spec["url"],
                via=sources[spec["via"]],
            )
        )


def load_demo() -> dict[str, int]:
    """Create (or leave as they are) the demo editions, sections, people and stories."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    homes = {code: HomePage.objects.get(locale=locales[code]) for code in LANGUAGES}
    for code, home in homes.items():
        if home.title != content.PUBLISHER[code] or home.tagline != content.TAGLINES[code]:
            home.title = home.draft_title = content.PUBLISHER[code]
            home.tagline = content.TAGLINES[code]
            _publish(home)

    images = {spec["key"]: _make_image(spec) for spec in content.IMAGES}
    sources = {
        spec["key"]: Source.objects.get_or_create(
            name=spec["name"], defaults={"home_url": spec["home_url"]}
        )[0]
        for spec in content.SOURCES
    }
    authors = {}
    for spec in content.AUTHORS:
        for code in LANGUAGES:
            authors[(spec["key"], code)], _ = Author.objects.get_or_create(
                locale=locales[code],
                translation_key=demo_key("author", spec["key"]),
                defaults={
                    "name": spec["name"],
                    "slug": spec["slug"],
                    "job_title": spec["job_title"][code],
                    "bio": spec["bio"][code],
                },
            )

    sections = {}
    for spec in [*content.SECTIONS, *content.SUBSECTIONS]:
        for code in LANGUAGES:
            parent = sections[(spec["parent"], code)] if spec.get("parent") else homes[code]
            key = demo_key("section", spec["key"])
            section = SectionPage.objects.filter(translation_key=key, locale=locales[code]).first()
            if section is None:
                section = parent.add_child(
                    instance=SectionPage(
                        title=spec[code]["title"],
                        slug=spec[code]["slug"],
                        introduction=spec[code]["intro"],
                        locale=locales[code],
                        translation_key=key,
                    )
                )
                _publish(section)
            sections[(spec["key"], code)] = section

    created = {}
    common = {"sections": sections, "authors": authors, "sources": sources, "images": images}
    for spec in content.ARTICLES:
        lang = spec["lang"]
        created[spec["key"]], _ = _article(
            spec, key=spec["key"], language=lang, locale=locales[lang], **common
        )
    for code, spec in content.FLAGSHIP["translations"].items():
        page, _ = _article(
            spec, key=content.FLAGSHIP["key"], language=code, locale=locales[code], **common
        )
        created[(content.FLAGSHIP["key"], code)] = page

    for code, home in homes.items():
        if home.featured_items.exists():
            continue
        chosen = [created[(content.FLAGSHIP["key"], code)]] + [
            created[spec["key"]]
            for spec in content.ARTICLES
            if spec["lang"] == code and spec.get("featured")
        ]
        home.featured_items = [FeaturedItem(article=article) for article in chosen]
        _publish(home)

    _inbox(sources)

    return {
        "editions": HomePage.objects.count(),
        "sections": SectionPage.objects.count(),
        "articles": ArticlePage.objects.count(),
        "authors": Author.objects.count(),
        "sources": Source.objects.count(),
        "images": NewsImage.objects.count(),
        "inbox items": IngestItem.objects.count(),
    }
