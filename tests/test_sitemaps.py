"""Sitemaps: ``/sitemap.xml`` (index, hreflang alternates), ``/news-sitemap.xml`` (Google
News) and ``/robots.txt``, valid against sitemaps.org's schemas and Google's rules."""

import copy
import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date
from lxml import etree
from wagtail.models import PageViewRestriction, Site

from newsdesk.distribution.sitemaps import (
    NEWS_LIMIT,
    ArticleSitemap,
    NewsSitemap,
    google_news_language,
    xml_text,
)
from newsdesk.editions.models import Edition

from .factories import ArticleFactory, SectionFactory

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": SITEMAP_NS, "xhtml": XHTML_NS, "news": NEWS_NS}
# Google News: "ISO 639 language code (2 or 3 letters)", except zh-cn and zh-tw.
GOOGLE_NEWS_LANGUAGE = re.compile(r"^(?:[a-z]{2,3}|zh-cn|zh-tw)$")
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$")


# -- helpers -----------------------------------------------------------------------------


def fetch(client, url, status=200):
    """GET ``url`` (absolute or a path) and parse the XML it answers, as a crawler does."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    response = client.get(path)
    assert response.status_code == status, (url, response.status_code)
    if status != 200:
        return response, None
    assert response["Content-Type"].startswith("application/xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return response, etree.fromstring(response.content, parser)


def assert_valid(root, schema_folder):
    """Valid against sitemaps.org's schema once the xhtml: and news: elements, for which
    no schema is shipped, are taken out of a copy."""
    stripped = copy.deepcopy(root)
    foreign = [e for e in stripped.iter() if not e.tag.startswith(f"{{{SITEMAP_NS}}}")]
    for element in foreign:
        element.getparent().remove(element)
    name = "siteindex.xsd" if root.tag == f"{{{SITEMAP_NS}}}sitemapindex" else "sitemap.xsd"
    schema = etree.XMLSchema(etree.parse(str(schema_folder / "xsd" / name)))
    assert schema.validate(stripped), schema.error_log


def sitemap_urls(client, schema_folder=None) -> dict[str, dict]:
    """Every URL the index leads to: ``{loc: {"lastmod", "alternates": {hreflang: href}}}``,
    each sitemap validated on the way when ``schema_folder`` is given."""
    _, index = fetch(client, "/sitemap.xml")
    if schema_folder is not None:
        assert_valid(index, schema_folder)
    urls = {}
    for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=NS):
        _, urlset = fetch(client, loc)
        if schema_folder is not None:
            assert_valid(urlset, schema_folder)
        for url in urlset.xpath("s:url", namespaces=NS):
            location = url.findtext(f"{{{SITEMAP_NS}}}loc")
            assert location not in urls, f"{location} is listed twice"
            urls[location] = {
                "lastmod": url.findtext(f"{{{SITEMAP_NS}}}lastmod"),
                "alternates": {
                    link.get("hreflang"): link.get("href")
                    for link in url.xpath("xhtml:link[@rel='alternate']", namespaces=NS)
                },
            }
    return urls


def news_entries(client) -> list[dict]:
    _, urlset = fetch(client, "/news-sitemap.xml")
    return [
        {
            "loc": url.findtext(f"{{{SITEMAP_NS}}}loc"),
            "name": url.findtext("news:news/news:publication/news:name", namespaces=NS),
            "language": url.findtext("news:news/news:publication/news:language", namespaces=NS),
            "date": url.findtext("news:news/news:publication_date", namespaces=NS),
            "title": url.findtext("news:news/news:title", namespaces=NS),
        }
        for url in urlset.xpath("s:url", namespaces=NS)
    ]


def translate(page, locale, *, publish=True):
    """The page's version in another edition, as a translator makes it (parents too)."""
    version = page.copy_for_translation(locale, copy_parents=True)
    if publish:
        version.save_revision().publish()
    return version


def full(page) -> str:
    return page.get_full_url()


@pytest.fixture
def monde(homes):
    return SectionFactory(parent=homes["fr"], title="Monde", slug="monde")


@pytest.fixture
def clean_site_cache():
    """Wagtail keeps the sites' root paths in the cache, which outlives a test's rollback."""
    yield
    Site.clear_site_root_paths_cache()


# -- the index and its sitemaps ----------------------------------------------------------


def test_every_sitemap_and_the_index_are_valid_and_list_homes_sections_and_stories(
    client, homes, locales, monde, shared_fixtures
):
    asie = SectionFactory(parent=monde, title="Asie", slug="asie")
    story = ArticleFactory(section=asie, title="Accord sur le Mékong")
    world, asia = translate(monde, locales["en"]), translate(asie, locales["en"])
    english = translate(story, locales["en"])

    urls = sitemap_urls(client, shared_fixtures)

    pages = [*homes.values(), monde, asie, world, asia, story, english]
    assert set(urls) == {full(page) for page in pages}  # no year or month folder
    assert all(entry["lastmod"] for entry in urls.values())
    for entry in urls.values():
        assert W3C_DATETIME.match(entry["lastmod"]), entry["lastmod"]


def test_alternates_are_reciprocal_and_x_default_is_the_french_version(
    client, homes, locales, monde
):
    story = ArticleFactory(section=monde, title="Accord sur le Mékong")
    english, vietnamese = (translate(story, locales[code]) for code in ("en", "vi"))
    solo = ArticleFactory(section=monde, title="Seulement en français")
    english_only = ArticleFactory(
        section=SectionFactory(parent=homes["en"], title="World"), title="English only"
    )

    urls = sitemap_urls(client)

    expected = {
        "fr": full(story),
        "en": full(english),
        "vi": full(vietnamese),
        "x-default": full(story),
    }
    for version in (story, english, vietnamese):
        assert urls[full(version)]["alternates"] == expected
    # Reciprocity, everywhere: each URL is among its alternates, in its own language, and
    # each alternate lists exactly the same set.
    for location, entry in urls.items():
        alternates = entry["alternates"]
        if not alternates:
            continue
        assert location in alternates.values()
        for language, href in alternates.items():
            assert urls[href]["alternates"] == alternates, (location, language, href)
        if "x-default" in alternates:
            assert alternates["x-default"] == alternates["fr"]
    # A page in one edition only has no alternates to name (and no x-default).
    assert urls[full(solo)]["alternates"] == {}
    assert urls[full(english_only)]["alternates"] == {}
    assert urls[full(homes["en"])]["alternates"]["x-default"] == full(homes["fr"])


def test_drafts_unpublished_and_private_pages_never_appear(client, homes, locales, monde):
    published = ArticleFactory(section=monde, title="Publié")
    draft = ArticleFactory(section=monde, title="Brouillon", live=False)
    withdrawn = ArticleFactory(section=monde, title="Retiré")
    withdrawn.unpublish()
    draft_translation = translate(published, locales["en"], publish=False)
    secret_desk = SectionFactory(parent=homes["fr"], title="Enquêtes", slug="enquetes")
    secret = ArticleFactory(section=secret_desk, title="Secret")
    PageViewRestriction.objects.create(
        page=secret_desk, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    unpublished_desk = SectionFactory(parent=homes["fr"], title="Fermée", slug="fermee")
    unpublished_desk.unpublish()

    urls = sitemap_urls(client)
    named = set(urls) | {href for entry in urls.values() for href in entry["alternates"].values()}
    news = {entry["loc"] for entry in news_entries(client)}

    assert full(published) in named and full(published) in news
    assert urls[full(published)]["alternates"] == {}  # its translation is only a draft
    for page in (draft, withdrawn, draft_translation, secret_desk, secret, unpublished_desk):
        assert full(page) not in named and full(page) not in news, page.title


def test_the_index_splits_a_sitemap_past_its_limit(client, monde, monkeypatch, shared_fixtures):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    stories = [ArticleFactory(section=monde, quick=True) for _ in range(5)]

    _, index = fetch(client, "/sitemap.xml")
    assert_valid(index, shared_fixtures)
    locations = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    pages = [loc for loc in locations if "/sitemap-articles.xml" in loc]
    assert [urlsplit(loc).query for loc in pages] == ["", "p=2", "p=3"]

    seen = []
    for loc in pages:
        _, urlset = fetch(client, loc)
        assert_valid(urlset, shared_fixtures)
        found = urlset.xpath("s:url/s:loc/text()", namespaces=NS)
        assert 1 <= len(found) <= 2
        seen += found
    assert sorted(seen) == sorted(full(story) for story in stories)
    fetch(client, "/sitemap-articles.xml?p=4", status=404)
    fetch(client, "/sitemap-articles.xml?p=two", status=404)


def test_an_empty_sitemap_is_left_out_of_the_index(client, homes):
    _, index = fetch(client, "/sitemap.xml")
    locations = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert [urlsplit(loc).path for loc in locations] == ["/sitemap-sections.xml"]
    fetch(client, "/sitemap-articles.xml", status=404)
    fetch(client, "/sitemap-nothing.xml", status=404)


def test_a_listing_is_as_recent_as_the_newest_story_below_it(client, homes, monde):
    asie = SectionFactory(parent=monde, title="Asie", slug="asie")
    sport = SectionFactory(parent=homes["fr"], title="Sport", slug="sport")
    sport.save_revision().publish()
    ArticleFactory(section=asie, title="Plus ancien", quick=True)
    newest = ArticleFactory(section=asie, title="Plus récent")
    newest.updated_at = newest.published_at + timedelta(days=400)  # an update, next year
    newest.save(update_fields=["updated_at"])

    urls = sitemap_urls(client)
    story_lastmod = urls[full(newest)]["lastmod"]
    assert datetime.fromisoformat(story_lastmod) == newest.updated_at.replace(microsecond=0)
    for listing in (homes["fr"], monde, asie):
        assert urls[full(listing)]["lastmod"] == story_lastmod, listing.title
    assert urls[full(sport)]["lastmod"] < story_lastmod
    assert urls[full(homes["en"])]["lastmod"] < story_lastmod


def test_sitemaps_send_last_modified_the_newest_lastmod(client, monde):
    ArticleFactory(section=monde, quick=True, published_at=timezone.now() - timedelta(days=3))
    newest = ArticleFactory(section=monde)

    for url in ("/sitemap.xml", "/sitemap-articles.xml"):
        response, _ = fetch(client, url)
        sent = parse_http_date(response["Last-Modified"])
        assert sent == int(newest.published_at.timestamp()), url


def test_query_count_does_not_grow_with_the_number_of_stories(client, homes, locales, monde):
    def add_stories(count, translated):
        for n in range(count):
            story = ArticleFactory(
                section=monde, quick=True, published_at=timezone.now() - timedelta(hours=n % 40)
            )
            if n < translated:
                translate(story, locales["en"])

    def queries():
        counts = {}
        for url in ("/sitemap.xml", "/sitemap-sections.xml", "/sitemap-articles.xml"):
            client.get(url)  # the sites' root paths go to the cache once
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            counts[url] = len(context)
        client.get("/news-sitemap.xml")
        with CaptureQueriesContext(connection) as context:
            assert len(news_entries(client)) >= 5
        counts["/news-sitemap.xml"] = len(context)
        return counts

    add_stories(5, translated=2)
    few = queries()
    add_stories(35, translated=10)
    many = queries()
    assert many == few
    assert few == {
        "/sitemap.xml": 9,  # per sitemap: view restrictions, count, newest lastmod (+ site)
        "/sitemap-sections.xml": 6,  # + the newest story below each listing, in one query
        "/sitemap-articles.xml": 4,  # restrictions, count, the page, all its translations
        "/news-sitemap.xml": 6,  # + the editions' names and languages
    }


# -- Google News ---------------------------------------------------------------------------


def test_news_sitemap_follows_google_news_rules(client, homes, locales, shared_fixtures):
    Edition.objects.filter(locale=locales["vi"]).update(name="Báo Cần Thơ", time_zone="")
    Edition.objects.filter(locale=locales["en"]).update(time_zone="Europe/Paris")
    now = timezone.now()
    sections = {code: SectionFactory(parent=homes[code], title=f"Monde {code}") for code in homes}
    fresh = {
        code: ArticleFactory(section=sections[code], published_at=now - timedelta(hours=3))
        for code in homes
    }
    almost_stale = ArticleFactory(section=sections["fr"], published_at=now - timedelta(hours=47))
    stale = ArticleFactory(section=sections["fr"], published_at=now - timedelta(hours=49))
    ArticleFactory(section=sections["fr"], published_at=now + timedelta(hours=2), title="Demain")

    _, urlset = fetch(client, "/news-sitemap.xml")
    assert_valid(urlset, shared_fixtures)
    for url in urlset.xpath("s:url", namespaces=NS):
        news = url.xpath("news:news", namespaces=NS)
        assert len(news) == 1
        for child in ("publication/news:name", "publication/news:language"):
            assert news[0].xpath(f"news:{child}/text()", namespaces=NS)
        for child in ("publication_date", "title"):
            assert news[0].xpath(f"news:{child}/text()", namespaces=NS)

    entries = {entry["loc"]: entry for entry in news_entries(client)}
    assert set(entries) == {full(page) for page in [*fresh.values(), almost_stale]}
    assert full(stale) not in entries
    for code, story in fresh.items():
        entry = entries[full(story)]
        assert GOOGLE_NEWS_LANGUAGE.match(entry["language"]) and entry["language"] == code
        assert W3C_DATETIME.match(entry["date"]), entry["date"]
        assert datetime.fromisoformat(entry["date"]) == story.published_at.replace(microsecond=0)
        assert entry["title"] == story.title
    assert entries[full(fresh["fr"])]["name"] == "Édition française"  # the home page's title
    assert entries[full(fresh["vi"])]["name"] == "Báo Cần Thơ"  # the edition's own name
    assert entries[full(fresh["vi"])]["date"].endswith("+07:00")  # the newsroom's time zone
    assert entries[full(fresh["en"])]["date"][-6:] in ("+01:00", "+02:00")  # Paris
    # Newest first.
    dates = [datetime.fromisoformat(entry["date"]) for entry in news_entries(client)]
    assert dates == sorted(dates, reverse=True)


def test_news_sitemap_holds_at_most_the_newest_thousand(client, monde, monkeypatch):
    assert NEWS_LIMIT == NewsSitemap.limit == 1000  # Google's ceiling
    monkeypatch.setattr(NewsSitemap, "limit", 3)
    now = timezone.now()
    stories = [
        ArticleFactory(section=monde, quick=True, published_at=now - timedelta(hours=n))
        for n in range(1, 6)
    ]
    assert [entry["loc"] for entry in news_entries(client)] == [full(s) for s in stories[:3]]
    fetch(client, "/news-sitemap.xml?p=2", status=404)


def test_news_sitemap_without_recent_stories_is_empty_and_well_formed(client, monde):
    ArticleFactory(section=monde, quick=True, published_at=timezone.now() - timedelta(days=5))
    assert news_entries(client) == []


@pytest.mark.parametrize(
    ("code", "google"),
    [("fr", "fr"), ("en", "en"), ("vi", "vi"), ("pt-br", "pt"), ("zh-hans", "zh-cn"),
     ("zh-hant", "zh-tw"), ("fil", "fil")],
)  # fmt: skip
def test_news_language_is_a_code_google_accepts(code, google):
    assert google_news_language(code) == google
    assert GOOGLE_NEWS_LANGUAGE.match(google)


# -- hostile text --------------------------------------------------------------------------


def test_titles_with_cdata_ends_and_control_characters_give_well_formed_xml(client, monde):
    story = ArticleFactory(
        section=monde, title="Fin de « CDATA » ]]> & <b>gras</b>\x01\x0b\x1f ok\ufffe"
    )
    entries = news_entries(client)  # parses, or fails
    assert entries[0]["loc"] == full(story)
    assert entries[0]["title"] == "Fin de « CDATA » ]]> & <b>gras</b> ok"
    sitemap_urls(client)


def test_lone_surrogates_are_dropped_not_a_server_error(client, monde, monkeypatch):
    story = ArticleFactory(section=monde, title="Sông Hậu")
    story.title = "Sông \ud800Hậu \udfff"  # no database stores these; an import could try
    monkeypatch.setattr(NewsSitemap, "items", lambda self: [story])
    assert news_entries(client)[0]["title"] == "Sông Hậu "
    assert xml_text("a\x00b\x08c\td\ne\rf\U0001f600") == "abc\td\ne\rf\U0001f600"


# -- robots.txt and the site's address ---------------------------------------------------


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_the_newsroom(client, homes):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert {"Disallow: /admin/", "Disallow: /preview/"} <= set(lines)
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap:")]
    root = Site.objects.get(is_default_site=True).root_url
    assert sitemaps == [f"{root}/sitemap.xml", f"{root}/news-sitemap.xml"]
    for url in sitemaps:
        fetch(client, url)


def test_every_address_is_on_the_site_record_not_the_request_host(
    client, homes, monde, clean_site_cache
):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "news.example.org", 443
    site.save()
    story = ArticleFactory(section=monde)

    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots
    _, index = fetch(client, "/sitemap.xml")
    for loc in index.xpath("//s:loc/text()", namespaces=NS):
        assert loc.startswith("https://news.example.org/sitemap-"), loc
    urls = sitemap_urls(client)
    assert "https://news.example.org/fr/monde/" in urls
    assert all(href.startswith("https://news.example.org/") for href in urls)
    assert news_entries(client)[0]["loc"] == f"https://news.example.org{story.url}"
