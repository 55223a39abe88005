"""The read API (Wagtail API v2 at /api/v2/): published, public articles with their fields,
filtered by edition, section, author, tag and publication date (alone and combined),
paginated, in a number of queries that does not grow with the stories listed; drafts,
unpublished and private stories never appear, nor their photos; bad input is a JSON 400
or 404 that names what is wrong."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory, SourceFactory

SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")  # the newsroom's time zone in the test settings
ARTICLES = "articles.ArticlePage"


def at(day, hour=9):
    """A moment in March 2025, newsroom time."""
    return datetime(2025, 3, day, hour, 0, tzinfo=SAIGON)


@pytest.fixture
def paper(homes):
    """Two editions: in French, International (with Asie below it) and Sport; in English,
    World. Alice writes about Ukraine, Bob about sport; Mekong stories in both editions."""
    fr, en = homes["fr"], homes["en"]
    international = SectionFactory(parent=fr, title="International", slug="international")
    asie = SectionFactory(parent=international, title="Asie", slug="asie")
    sport = SectionFactory(parent=fr, title="Sport", slug="sport")
    world = SectionFactory(parent=en, title="World", slug="world")
    alice, bob = AuthorFactory(name="Alice Tran"), AuthorFactory(name="Bob Nguyen")
    stories = {
        "kiev": ArticleFactory(
            section=international,
            title="Kiev",
            authors=[alice],
            tags=["Ukraine"],
            published_at=at(8),
            source=SourceFactory(),
            source_url="https://vietnamnet.vn/kiev.html",
            source_relation="translated",
        ),
        "mekong": ArticleFactory(
            section=asie,
            title="Mê Kông",
            authors=[alice, bob],
            tags=["Mê Kông"],
            published_at=at(9),
        ),
        "match": ArticleFactory(
            section=sport, title="Match", authors=[bob], tags=["Football"], published_at=at(9, 20)
        ),
        "late": ArticleFactory(
            section=international, title="Tard", authors=[alice], published_at=at(10, 23)
        ),
        "delta": ArticleFactory(
            section=world, title="Delta", authors=[alice], tags=["Mê Kông"], published_at=at(9)
        ),
    }
    return {
        "sections": {"international": international, "asie": asie, "sport": sport, "world": world},
        "stories": stories,
        "alice": alice,
        "bob": bob,
    }


def api(client, path="/api/v2/pages/", **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, response.json()


def titles(client, **params):
    response, data = api(client, **params)
    assert response.status_code == 200, data
    return [item["title"] for item in data["items"]]


# What an article looks like --------------------------------------------------------------


def test_articles_come_with_their_fields(client, paper):
    kiev = paper["stories"]["kiev"]
    _response, data = api(
        client,
        type=ARTICLES,
        fields="lede,byline,tags,attribution,published_at,lead_image,reading_time",
        edition="fr",
        tag="ukraine",
    )
    (item,) = data["items"]
    assert item["id"] == kiev.pk
    assert item["meta"]["html_url"] == kiev.full_url
    assert item["meta"]["locale"] == "fr"
    assert item["lede"] == kiev.lede
    assert item["byline"] == [{"name": "Alice Tran", "slug": "alice-tran"}]
    assert item["tags"] == [{"name": "Ukraine", "slug": "ukraine"}]
    assert item["attribution"] == {
        "outlet": "vietnamnet.vn",
        "outlet_url": "https://vietnamnet.vn",
        "url": "https://vietnamnet.vn/kiev.html",
        "relation": "translated",
    }
    assert datetime.fromisoformat(item["published_at"]) == at(8)
    assert item["lead_image"]["id"] == kiev.lead_image_id
    assert item["reading_time"] == 1

    _response, detail = api(client, f"/api/v2/pages/{kiev.pk}/")
    assert detail["title"] == "Kiev"
    assert detail["byline"] == item["byline"]
    assert detail["body"][0]["type"] == "paragraph"


# Filters ---------------------------------------------------------------------------------


def test_edition_is_the_language_of_the_edition(client, paper):
    french = {"Kiev", "Mê Kông", "Match", "Tard"}
    assert set(titles(client, type=ARTICLES, edition="fr")) == french
    assert set(titles(client, type=ARTICLES, locale="fr")) == french  # Wagtail's own name
    assert titles(client, type=ARTICLES, edition="en") == ["Delta"]


def test_section_by_id_or_slug_path_includes_its_sub_sections(client, paper):
    sections = paper["sections"]
    below_international = ["Tard", "Mê Kông", "Kiev"]  # newest first
    assert titles(client, section=sections["international"].pk) == below_international
    assert titles(client, section="international") == below_international
    assert titles(client, section="fr/international") == below_international
    assert titles(client, section="/international/") == below_international
    assert titles(client, section="international/asie") == ["Mê Kông"]
    assert titles(client, section=sections["asie"].pk) == ["Mê Kông"]
    assert titles(client, section="world") == ["Delta"]
    assert titles(client, section="en/world") == ["Delta"]
    response, data = api(client, section="asie")  # a path from the edition home, or none
    assert response.status_code == 404
    assert data["message"] == "section: no published section 'asie'"


def test_author_and_tag_by_slug(client, paper):
    assert titles(client, author="alice-tran", edition="fr") == ["Tard", "Mê Kông", "Kiev"]
    assert titles(client, author="bob-nguyen") == ["Match", "Mê Kông"]
    assert set(titles(client, tag="me-kong")) == {"Mê Kông", "Delta"}
    assert titles(client, tag="football") == ["Match"]


def test_publication_dates_after_inclusive_before_exclusive(client, paper):
    # Newest first; Delta and Mê Kông share a time, the later-filed first.
    assert titles(client, published_after="2025-03-09", published_before="2025-03-10") == [
        "Match",
        "Delta",
        "Mê Kông",
    ]
    assert titles(client, published_after="2025-03-10") == ["Tard"]
    assert titles(client, published_before="2025-03-09") == ["Kiev"]
    # A date-time with its offset; a "+" sent unencoded arrives as a space.
    nine = "2025-03-09T09:00:00+07:00"
    assert titles(client, published_after=nine, published_before="2025-03-09T20:00:00+07:00") == [
        "Delta",
        "Mê Kông",
    ]
    assert set(titles(client, published_after=nine.replace("+", " "), edition="fr")) == {
        "Mê Kông",
        "Match",
        "Tard",
    }
    # A date-time without offset is newsroom time.
    assert titles(client, published_after="2025-03-10 23:00", edition="fr") == ["Tard"]
    assert titles(client, published_after="2025-03-10T23:01", edition="fr") == []
    # The same instant in UTC.
    assert titles(client, published_after="2025-03-10T16:00:00Z") == ["Tard"]
    assert titles(client, published_after="2025-03-10T16:00:01Z") == []


def test_filters_combine(client, paper):
    assert titles(
        client,
        edition="fr",
        section="international",
        author="alice-tran",
        tag="me-kong",
        published_after="2025-03-09",
        published_before="2025-03-10",
    ) == ["Mê Kông"]
    assert titles(client, edition="en", section="international") == []
    assert titles(client, tag="me-kong", author="bob-nguyen", edition="en") == []
    assert titles(client, type=ARTICLES, tag="ukraine", search="Kiev") == ["Kiev"]
    assert titles(
        client, search="Kiev", section="international", published_before="2025-03-09"
    ) == ["Kiev"]
    assert titles(client, author="alice-tran", order="title") == [
        "Delta",
        "Kiev",
        "Mê Kông",
        "Tard",
    ]


def test_article_filters_select_articles(client, paper):
    response, data = api(client, tag="ukraine", type="wagtailcore.Page")
    assert response.status_code == 400
    assert "type=articles.ArticlePage" in data["message"]
    # Without a filter for articles, the listing holds every kind of page.
    assert "Sport" in titles(client, edition="fr")


@pytest.mark.parametrize(
    ("params", "status", "named"),
    [
        ({"edition": "de"}, 404, "edition"),
        ({"edition": ""}, 400, "edition"),
        ({"section": "999999"}, 404, "section"),
        ({"section": "nowhere"}, 404, "section"),
        ({"section": "../admin"}, 400, "section"),
        ({"section": "inter national"}, 400, "section"),
        ({"author": "nobody"}, 404, "author"),
        ({"author": "a,b"}, 400, "author"),
        ({"tag": "nothing"}, 404, "tag"),
        ({"tag": "bad\x00tag"}, 400, "tag"),
        ({"published_after": "yesterday"}, 400, "published_after"),
        ({"published_before": "2025-02-30"}, 400, "published_before"),
        ({"published_after": "9" * 300}, 400, "published_after"),
        ({"nonsense": "1"}, 400, "nonsense"),
        ({"limit": "1000"}, 400, "limit"),
    ],
)
def test_bad_filter_values_are_a_json_error_naming_the_parameter(
    client, paper, params, status, named
):
    response, data = api(client, **params)
    assert response.status_code == status
    assert named in data["message"]


def test_a_section_id_must_be_a_section(client, paper, homes):
    response, data = api(client, section=homes["fr"].pk)
    assert response.status_code == 404
    assert "section" in data["message"]


# Pagination ------------------------------------------------------------------------------


def test_listings_are_paginated_newest_first(client, paper):
    _response, data = api(client, edition="fr", tag="me-kong", limit=10)
    assert data["meta"]["total_count"] == 1
    _response, first = api(client, author="alice-tran", limit=2)
    _response, rest = api(client, author="alice-tran", limit=2, offset=2)
    assert first["meta"]["total_count"] == rest["meta"]["total_count"] == 4
    assert [i["title"] for i in first["items"]] == ["Tard", "Delta"]
    assert [i["title"] for i in rest["items"]] == ["Mê Kông", "Kiev"]
    _response, beyond = api(client, author="alice-tran", offset=10)
    assert beyond["items"] == []


# Only published content ------------------------------------------------------------------


def test_drafts_unpublished_and_private_stories_never_appear(client, paper):
    sections = paper["sections"]
    draft = ArticleFactory(
        section=sections["sport"], title="Brouillon", live=False, tags=["Secret"]
    )
    withdrawn = ArticleFactory(section=sections["sport"], title="Retiré", tags=["Secret"])
    withdrawn.unpublish()
    members = SectionFactory(parent=sections["international"].get_parent(), title="Abonnés")
    PageViewRestriction.objects.create(page=members, restriction_type="password", password="x")
    private = ArticleFactory(section=members, title="Réservé", tags=["Secret"])
    edited = paper["stories"]["match"]
    edited.title = "Titre pas encore publié"
    edited.save_revision()
    hidden = {"Brouillon", "Retiré", "Réservé", "Abonnés", "Titre pas encore publié"}

    listings = [
        {},
        {"type": ARTICLES},
        {"type": ARTICLES, "fields": "*"},
        {"edition": "fr", "limit": 20},
        {"search": "Brouillon Retiré Réservé publié"},
        {"published_after": "2000-01-01"},
        {"descendant_of": sections["international"].get_parent().pk},
    ]
    for params in listings:
        _response, data = api(client, **params)
        assert not hidden & {item["title"] for item in data["items"]}, params
    assert "Match" in titles(client, tag="football")
    for page in (draft, withdrawn, private):
        response, data = api(client, f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 404
        assert data["message"]
    response, _data = api(client, section="abonnes")
    assert response.status_code == 404  # a private section is no filter either


def test_only_the_photos_and_files_of_published_stories_are_listed(client, paper):
    sections = paper["sections"]
    draft_photo, spare_photo = ImageFactory(title="Photo sous embargo"), ImageFactory()
    ArticleFactory(section=sections["sport"], live=False, lead_image=draft_photo)
    report = get_document_model().objects.create(title="Rapport annuel", file="documents/r.pdf")
    ArticleFactory(
        section=sections["sport"],
        title="Avec rapport",
        body=[
            ("paragraph", f'<p>Lire <a linktype="document" id="{report.pk}">le rapport</a>.</p>')
        ],
    )
    get_document_model().objects.create(title="Brouillon interne", file="documents/b.pdf")

    _response, images = api(client, "/api/v2/images/", limit=20)
    shown = {item["id"] for item in images["items"]}
    assert paper["stories"]["kiev"].lead_image_id in shown
    assert draft_photo.pk not in shown and spare_photo.pk not in shown
    response, _data = api(client, f"/api/v2/images/{draft_photo.pk}/")
    assert response.status_code == 404
    response, image = api(client, f"/api/v2/images/{paper['stories']['kiev'].lead_image_id}/")
    assert response.status_code == 200 and image["width"]

    _response, documents = api(client, "/api/v2/documents/")
    assert [item["title"] for item in documents["items"]] == ["Rapport annuel"]


# Queries ---------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm: Wagtail's site and rendition caches, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


def test_query_counts_stay_flat_with_more_articles(client, homes):
    section = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    authors = [AuthorFactory(), AuthorFactory()]
    photo = ImageFactory()
    start = at(1)

    def add(count, offset):
        for n in range(offset, offset + count):
            ArticleFactory(
                section=section,
                published_at=start + timedelta(hours=n),
                authors=authors,
                tags=["ukraine", f"tag-{n % 3}"],
                lead_image=photo,
                source=SourceFactory(),
                source_url="https://vietnamnet.vn/a.html",
                source_relation="based_on",
                body=[
                    ("paragraph", "<p>Texte.</p>"),
                    ("image", {"image": photo, "caption": "", "alt": "", "credit": ""}),
                ],
                quick=True,
            )

    urls = [
        "/api/v2/pages/",
        "/api/v2/pages/?type=articles.ArticlePage&fields=*",
        "/api/v2/pages/?edition=fr&section=monde&tag=ukraine&fields=byline,tags,lead_image",
        "/api/v2/pages/?author=" + authors[0].slug + "&published_after=2025-03-01",
        "/api/v2/images/",
    ]
    add(5, 0)
    with_five = {url: count_queries(client, url) for url in urls}
    add(25, 5)
    with_thirty = {url: count_queries(client, url) for url in urls}
    assert with_thirty == with_five
    print("queries with 5 and 30 articles:", with_five)


# Bad input ---------------------------------------------------------------------------------


def test_unknown_paths_and_ids_are_json_404s(client, paper):
    for path in (
        "/api/v2/nothing/",
        "/api/v2/pages/999999/",
        "/api/v2/pages/99999999999999999999/",
        "/api/v2/images/999999/",
        "/api/v2/documents/999999/",
    ):
        response, data = api(client, path)
        assert response.status_code == 404, path
        assert data["message"]


def test_hostile_text_still_gives_well_formed_json(client, paper):
    hostile = "Fin ]]> <![CDATA[ x ]]> \x01\x08\x0b\x1b\x7f\u2028 «guillemets» 🇻🇳"
    ArticleFactory(
        section=paper["sections"]["sport"],
        title=f"Titre {hostile}",
        lede=hostile,
        body=[("paragraph", f"<p>{hostile}</p>"), ("quote", {"quote": hostile, "attribution": ""})],
        tags=["Ukraine"],
    )
    response = client.get("/api/v2/pages/", {"tag": "ukraine", "fields": "*"})
    assert response.status_code == 200
    data = json.loads(response.content.decode("utf-8"))
    assert any("]]>" in item["title"] for item in data["items"])


@pytest.mark.parametrize("path", ["/api/v2/nothing/", "/api/ninjs/not-a-number/", "/readyzz"])
def test_an_unknown_address_outside_the_editions_is_a_plain_404(client, homes, path):
    """Integrators get 404, not a redirect into the French edition."""
    response = client.get(path)
    assert response.status_code == 404
