"""RSS 2.0 and Atom feeds per edition, section, author and tag, read by a real feed
client (feedparser): well-formed whatever the text, right in language, dates and links,
capped at 50 stories, cheap to ask again (304), and constant in queries."""

import calendar
import time
from datetime import datetime, timedelta
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.articles.models import ArticlePage
from newsdesk.distribution.feeds import ArticleFeed, NewsAtomFeed, NewsRssFeed, xml_text
from newsdesk.editions.models import Edition

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory, SourceFactory

MARCH_9 = datetime(2025, 3, 9, 7, 13, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
ORIGINAL = "https://vietnamnet.vn/my-van-chia-se-tin-tinh-bao-2378715.html"

FEEDS = {
    "edition": "/fr/feed/",
    "section": "/fr/international/feed/",
    "nested section": "/fr/international/asie/feed/",
    "author": "/fr/authors/viet-dung/feed/",
    "tag": "/fr/tags/ukraine/feed/",
}


@pytest.fixture
def desk(homes):
    """A French desk: International with its Asie sub-section, one republished story in
    Asie by Viet Dung, and an older story in International."""
    international = SectionFactory(parent=homes["fr"], title="International", slug="international")
    asie = SectionFactory(parent=international, title="Asie", slug="asie")
    viet_dung = AuthorFactory(name="Viet Dung", slug="viet-dung")
    story = ArticleFactory(
        section=asie,
        title="Les États-Unis continuent de partager des renseignements avec Kiev",
        lede="Washington continue de partager des renseignements avec Kiev & ses alliés.",
        published_at=MARCH_9,
        authors=[viet_dung],
        tags=["Ukraine", "Renseignement"],
        lead_image=ImageFactory(caption="Soldats en première ligne.", credit="Photo : X/@Z"),
        source=SourceFactory(name="vietnamnet.vn", home_url="https://vietnamnet.vn"),
        source_url=ORIGINAL,
        source_relation="republished",
    )
    older = ArticleFactory(
        section=international,
        title="Koursk : l'Ukraine envisage un retrait",
        published_at=MARCH_9 - timedelta(days=1),
        authors=[viet_dung],
        tags=["Ukraine"],
    )
    # Published long ago, so that a new publication is later to the second.
    ArticlePage.objects.update(last_published_at=MARCH_9)
    return {
        "home": homes["fr"],
        "international": international,
        "asie": asie,
        "author": viet_dung,
        "story": story,
        "older": older,
    }


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def parse(response):
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def utc_struct(moment):
    return moment.astimezone(ZoneInfo("UTC")).timetuple()[:6]


@pytest.mark.parametrize("scope", FEEDS)
def test_rss_feeds_read_right_in_a_feed_reader(client, desk, scope):
    response = fetch(client, FEEDS[scope])
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = parse(response)
    story = desk["story"]

    assert parsed.version == "rss20"
    assert parsed.feed.language == "fr"
    assert parsed.feed.title == {
        "edition": "Newsdesk",
        "section": "Newsdesk — International",
        "nested section": "Newsdesk — Asie",
        "author": "Newsdesk — Viet Dung",
        "tag": "Newsdesk — Ukraine",
    }[scope].replace("Newsdesk", edition_name(desk))
    assert parsed.feed.link.startswith("http")
    entry = parsed.entries[0]
    assert entry.title == story.title
    assert entry.link == story.get_full_url()
    assert entry.id == story.get_full_url()
    assert entry.published_parsed[:6] == utc_struct(MARCH_9)
    assert entry.author == "Viet Dung"
    assert {tag.term for tag in entry.tags} == {"Asie", "Ukraine", "Renseignement"}
    assert story.lede.replace("&", "&amp;") in entry.summary
    assert "Selon" in entry.summary and f'href="{ORIGINAL}"' in entry.summary
    media = entry.media_content[0]
    assert media["medium"] == "image" and media["url"].startswith("http")
    rendition = story.lead_image.get_rendition("fill-1200x675")
    assert media["url"].endswith(rendition.url)
    assert (media["width"], media["height"]) == (str(rendition.width), str(rendition.height))
    assert entry.media_credit[0]["content"] == "Photo : X/@Z"
    assert entry.source == {"href": "https://vietnamnet.vn", "title": "vietnamnet.vn"}


@pytest.mark.parametrize("scope", FEEDS)
def test_atom_feeds_read_right_in_a_feed_reader(client, desk, scope):
    response = fetch(client, FEEDS[scope] + "atom/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = parse(response)
    story = desk["story"]

    assert parsed.version == "atom10"
    assert parsed.feed.language == "fr"
    assert parsed.feed.title.startswith(edition_name(desk))
    assert parsed.feed.link.startswith("http")
    entry = parsed.entries[0]
    assert entry.title == story.title
    assert entry.link == story.get_full_url()
    assert entry.published_parsed[:6] == utc_struct(MARCH_9)
    assert entry.author_detail.name == "Viet Dung"
    assert entry.author_detail.href.endswith("/fr/authors/viet-dung/")
    assert {tag.term for tag in entry.tags} == {"Asie", "Ukraine", "Renseignement"}
    assert "Selon" in entry.summary
    enclosure = entry.enclosures[0]
    assert enclosure.href.startswith("http") and enclosure.type.startswith("image/")
    assert entry.source.title == "vietnamnet.vn"
    assert [link.href for link in entry.links if link.rel == "via"] == [ORIGINAL]


def edition_name(desk):
    edition = Edition.objects.filter(locale=desk["home"].locale).first()
    return edition.name if edition and edition.name else desk["home"].title


def test_feeds_list_the_stories_of_their_scope_newest_first(client, desk):
    story, older = desk["story"], desk["older"]

    def titles(url):
        return [entry.title for entry in parse(fetch(client, url)).entries]

    assert titles("/fr/feed/") == [story.title, older.title]
    assert titles("/fr/international/feed/atom/") == [story.title, older.title]
    assert titles("/fr/international/asie/feed/") == [story.title]
    assert titles("/fr/tags/renseignement/feed/") == [story.title]
    assert titles("/fr/authors/viet-dung/feed/atom/") == [story.title, older.title]


def test_every_author_is_credited(client, desk):
    ArticleFactory(
        section=desk["asie"],
        title="Deux signatures",
        authors=[AuthorFactory(name="Lan Anh"), AuthorFactory(name="Minh Tuan")],
    )
    rss = parse(fetch(client, "/fr/feed/")).entries[0]
    atom = parse(fetch(client, "/fr/feed/atom/")).entries[0]
    assert [author.name for author in rss.authors] == ["Lan Anh", "Minh Tuan"]
    assert [author.name for author in atom.authors] == ["Lan Anh", "Minh Tuan"]


def test_each_edition_feeds_its_own_language_and_stories(client, desk, homes):
    world = SectionFactory(parent=homes["en"], title="World", slug="world")
    english = ArticleFactory(section=world, title="The US keeps sharing intelligence")

    for url in ("/en/feed/", "/en/feed/atom/", "/en/world/feed/"):
        parsed = parse(fetch(client, url))
        assert parsed.feed.language == "en"
        assert [entry.title for entry in parsed.entries] == [english.title]
    assert b"<language>en</language>" in fetch(client, "/en/feed/").content
    assert b'xml:lang="en"' in fetch(client, "/en/feed/atom/").content
    assert english.title not in [e.title for e in parse(fetch(client, "/fr/feed/")).entries]


def test_dates_are_in_the_edition_time_zone(client, desk):
    rss = fetch(client, "/fr/feed/").content.decode()
    atom = fetch(client, "/fr/feed/atom/").content.decode()
    assert "<pubDate>Sun, 09 Mar 2025 07:13:00 +0700</pubDate>" in rss
    assert "<published>2025-03-09T07:13:00+07:00</published>" in atom

    Edition.objects.update_or_create(
        locale=desk["home"].locale, defaults={"time_zone": "Europe/Paris"}
    )
    rss = fetch(client, "/fr/feed/").content.decode()
    assert "<pubDate>Sun, 09 Mar 2025 01:13:00 +0100</pubDate>" in rss
    entry = parse(fetch(client, "/fr/feed/atom/")).entries[0]
    assert entry.published_parsed[:6] == utc_struct(MARCH_9)


def test_an_updated_story_says_so_in_atom(client, desk):
    story = desk["story"]
    story.save_revision().publish()  # a republication is an update
    story.refresh_from_db()
    entry = parse(fetch(client, "/fr/feed/atom/")).entries[0]
    assert entry.published_parsed[:6] == utc_struct(MARCH_9)
    assert entry.updated_parsed[:6] == utc_struct(story.updated_at)


def test_feeds_hold_the_50_newest_stories(client, homes):
    section = SectionFactory(parent=homes["fr"], title="Sport", slug="sport")
    photo, author = ImageFactory(), AuthorFactory()
    start = timezone.now() - timedelta(days=60)
    stories = [
        ArticleFactory(
            section=section,
            published_at=start + timedelta(hours=n),
            lead_image=photo,
            authors=[author],
            quick=True,
        )
        for n in range(55)
    ]
    newest = [story.title for story in reversed(stories)][:50]
    for url in ("/fr/feed/", "/fr/sport/feed/atom/", f"/fr/authors/{author.slug}/feed/"):
        assert [entry.title for entry in parse(fetch(client, url)).entries] == newest


def test_drafts_unpublished_private_and_other_editions_never_appear(client, desk, homes):
    asie = desk["asie"]
    ArticleFactory(section=asie, title="Brouillon", live=False, tags=["Ukraine"])
    withdrawn = ArticleFactory(section=asie, title="Retiré", tags=["Ukraine"])
    withdrawn.unpublish()
    secret_desk = SectionFactory(parent=homes["fr"], title="Interne", slug="interne")
    PageViewRestriction.objects.create(
        page=secret_desk, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    ArticleFactory(section=secret_desk, title="Réservé", tags=["Ukraine"])
    world = SectionFactory(parent=homes["en"], title="World", slug="world")
    ArticleFactory(section=world, title="English only", tags=["Ukraine"])

    shown = {desk["story"].title, desk["older"].title}
    for url in ("/fr/feed/", "/fr/feed/atom/", "/fr/tags/ukraine/feed/"):
        assert {entry.title for entry in parse(fetch(client, url)).entries} == shown
    assert client.get("/fr/interne/feed/").status_code == 404


def test_a_reader_asking_again_gets_304_until_something_is_published(client, desk):
    first = fetch(client, "/fr/feed/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag and last_modified
    assert "max-age=" in first["Cache-Control"] and "public" in first["Cache-Control"]

    again = client.get("/fr/feed/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and "max-age=" in again["Cache-Control"]
    assert client.get("/fr/feed/", headers={"If-Modified-Since": last_modified}).status_code == 304
    atom = fetch(client, "/fr/feed/atom/")
    assert atom["ETag"] != etag  # another representation

    ArticleFactory(section=desk["asie"], title="Nouvelle dépêche")

    fresh = fetch(client, "/fr/feed/", **{"If-None-Match": etag})
    assert fresh["ETag"] != etag
    assert parse(fresh).entries[0].title == "Nouvelle dépêche"
    fetch(client, "/fr/feed/", **{"If-Modified-Since": last_modified})


def test_unpublishing_a_story_changes_the_feed_etag(client, desk):
    etag = fetch(client, "/fr/international/feed/")["ETag"]
    desk["older"].unpublish()
    response = fetch(client, "/fr/international/feed/", **{"If-None-Match": etag})
    assert [e.title for e in parse(response).entries] == [desk["story"].title]


def count_queries(client, url, **headers):
    client.get(url)  # warm: renditions and Wagtail's site cache, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code in (200, 304)
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_stories(client, homes):
    sport = SectionFactory(parent=homes["fr"], title="Sport", slug="sport")
    tennis = SectionFactory(parent=sport, title="Tennis", slug="tennis")
    start = timezone.now() - timedelta(days=30)
    added = []

    def add(count):
        for _ in range(count):
            n = len(added)
            added.append(
                ArticleFactory(
                    section=(sport, tennis)[n % 2],
                    published_at=start + timedelta(hours=n),
                    authors=[AuthorFactory(), AuthorFactory()],
                    tags=[f"tag-{n}", "tennis"],
                    source=SourceFactory(name=f"outlet-{n % 3}.example"),
                    source_url=f"https://outlet.example/{n}",
                    source_relation="translated",
                    quick=True,
                )
            )

    urls = [
        "/fr/feed/",
        "/fr/feed/atom/",
        "/fr/sport/feed/",
        "/fr/sport/tennis/feed/atom/",
        "/fr/tags/tennis/feed/",
    ]
    add(5)
    few = {url: count_queries(client, url) for url in urls}
    author = added[0].article_authors.first().author
    few_author = count_queries(client, f"/fr/authors/{author.slug}/feed/")
    etag = client.get("/fr/feed/")["ETag"]
    few_304 = count_queries(client, "/fr/feed/", **{"If-None-Match": etag})
    add(35)
    many = {url: count_queries(client, url) for url in urls}
    assert many == few, (few, many)
    assert count_queries(client, f"/fr/authors/{author.slug}/feed/") == few_author
    etag = client.get("/fr/feed/")["ETag"]
    assert count_queries(client, "/fr/feed/", **{"If-None-Match": etag}) == few_304
    assert max(few.values()) <= 12, few
    assert few_304 <= 5, few_304


BAD_TITLE = "Fin ]]> de CDATA\x01\x08 & \x0b<guillemets>\x1f"


def test_bad_characters_still_give_well_formed_xml(client, desk):
    ArticleFactory(
        section=desk["asie"],
        title=BAD_TITLE,
        lede="Texte ]]> avec\x02 des\x1b contrôles\tet\nlignes.",
        authors=[AuthorFactory(name="Nom\x07 Bizarre")],
        tags=["Étiquette\x0c"],
    )
    for url in ("/fr/feed/", "/fr/feed/atom/"):
        content = fetch(client, url).content
        ElementTree.fromstring(content)  # well-formed, or this raises
        entry = parse(fetch(client, url)).entries[0]
        assert entry.title == "Fin ]]> de CDATA & <guillemets>"
        assert "Texte ]]&gt; avec des contrôles\tet\nlignes." in entry.summary
        assert entry.authors[0].name == "Nom Bizarre"
        assert "Étiquette" in {tag.term for tag in entry.tags}


def test_unpaired_surrogates_are_dropped(client, desk, monkeypatch):
    """A lone surrogate (a half emoji from a broken import) cannot be stored by the
    database, but may reach a feed from memory; it must not break the feed."""
    monkeypatch.setattr(ArticleFeed, "item_title", lambda self, item: "Moitié \ud83d d'emoji")
    for url in ("/fr/feed/", "/fr/feed/atom/"):
        content = fetch(client, url).content
        ElementTree.fromstring(content)
        assert parse(fetch(client, url)).entries[0].title == "Moitié  d'emoji"


@pytest.mark.parametrize("generator", [NewsRssFeed, NewsAtomFeed])
def test_feed_generators_clean_every_text(generator):
    feed = generator(
        title="Titre\x00 \udc80", link="https://example.com/", description="\x1f]]>", language="fr"
    )
    feed.add_item(
        title="\ud800Un\x0b",
        link="https://example.com/a/",
        description="<p>]]>\x00</p>",
        categories=["Tag\x01"],
        pubdate=MARCH_9,
        authors=[{"name": "A\x02", "url": "https://example.com/authors/a/"}],
        image=None,
        source={"name": "X\x03", "home_url": "", "feed_url": "https://x/", "url": ""},
    )
    xml = feed.writeString("utf-8")
    ElementTree.fromstring(xml.encode())
    parsed = feedparser.parse(xml)
    assert not parsed.bozo
    assert parsed.feed.title == "Titre"
    assert parsed.entries[0].title == "Un"


def test_xml_text_keeps_tabs_newlines_and_any_real_character():
    assert xml_text("a\tb\nc\r\x00\x1f\x7f é 😀 \ud800") == "a\tb\nc\r\x7f é 😀 "
    assert xml_text({"a": ["\x01x", ("\x02y",)], "n": 3}) == {"a": ["x", ("y",)], "n": 3}


def test_an_author_slug_of_another_edition_redirects_to_this_editions_feed(client, desk, locales):
    english = desk["author"].copy_for_translation(locales["en"])
    english.slug = "viet-dung-en"
    english.save()
    response = client.get("/en/authors/viet-dung/feed/atom/")
    assert response.status_code == 301
    assert response["Location"] == "/en/authors/viet-dung-en/feed/atom/"


@pytest.mark.parametrize(
    "url",
    [
        "/fr/nowhere/feed/",
        "/fr/international/nowhere/feed/atom/",
        "/fr/asie/feed/",  # a sub-section only under its parent
        "/fr/international/2025/feed/",  # a date folder is no section
        "/fr/authors/nobody/feed/",
        "/fr/tags/nothing/feed/atom/",
        "/en/international/feed/",  # a section of another edition
        "/de/feed/",  # no such edition: sent to /fr/de/feed/, no such section
    ],
)
def test_unknown_scopes_are_404(client, desk, url):
    assert client.get(url, follow=True).status_code == 404


def test_an_unpublished_section_has_no_feed(client, desk):
    desk["asie"].unpublish()
    assert client.get("/fr/international/asie/feed/").status_code == 404


def test_feeds_answer_only_reads(client, desk):
    assert client.post("/fr/feed/").status_code == 405
    assert client.head("/fr/feed/").status_code == 200


def test_last_modified_is_the_newest_publication(client, desk):
    response = fetch(client, "/fr/feed/")
    stamp = calendar.timegm(time.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT"))
    assert stamp == int(MARCH_9.timestamp())


def test_feed_addresses_reverse_for_discovery_links(desk):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        assert reverse("edition_feed") == "/fr/feed/"
        assert reverse("edition_feed_atom") == "/fr/feed/atom/"
        assert reverse("author_feed", kwargs={"slug": "viet-dung"}) == FEEDS["author"]
        assert reverse("tag_feed_atom", kwargs={"slug": "ukraine"}) == FEEDS["tag"] + "atom/"
        path = {"section_path": "international/asie/"}
        assert reverse("section_feed", kwargs=path) == FEEDS["nested section"]
        assert reverse("section_feed_atom", kwargs=path) == FEEDS["nested section"] + "atom/"
    with translation.override("vi"):
        assert reverse("edition_feed") == "/vi/feed/"


def test_pages_announce_their_feeds(client, homes):
    """Feed readers find the feeds from the pages: the edition's everywhere, and the
    section's, author's and tag's on their pages."""
    from bs4 import BeautifulSoup

    from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    author = AuthorFactory(name="Viet Dung", slug="viet-dung")
    ArticleFactory(section=monde, authors=[author], tags=["Ukraine"])
    expected = {
        "/fr/": {"/fr/feed/", "/fr/feed/atom/"},
        "/fr/monde/": {"/fr/feed/", "/fr/feed/atom/", "/fr/monde/feed/", "/fr/monde/feed/atom/"},
        "/fr/authors/viet-dung/": {
            "/fr/authors/viet-dung/feed/",
            "/fr/authors/viet-dung/feed/atom/",
        },
        "/fr/tags/ukraine/": {"/fr/tags/ukraine/feed/", "/fr/tags/ukraine/feed/atom/"},
    }
    for url, feeds in expected.items():
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        found = {
            link["href"]
            for link in soup.find_all("link", rel="alternate")
            if link.get("type") in ("application/rss+xml", "application/atom+xml")
        }
        assert feeds <= found, url
        for href in found:
            assert client.get(href).status_code == 200, href
