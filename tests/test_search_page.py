"""Readers search their edition at /<lang>/search/?q=: published stories of that edition,
and whatever they type, a normal page with their words shown as text."""

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsdesk.search.services import MAX_QUERY_LENGTH
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    world = SectionFactory(parent=homes["en"], title="World", slug="world")
    return {
        "koursk": ArticleFactory(
            section=monde,
            title="L'Ukraine envisage de se retirer de Koursk",
            lede="Kiev envisage de retirer ses forces de la région russe.",
        ),
        "riz": ArticleFactory(
            section=monde,
            title="Le riz de Nghe An conquiert de nouveaux marchés",
            lede="Les coopératives exportent leur riz parfumé vers le Japon.",
        ),
        "draft": ArticleFactory(
            section=monde, title="Brouillon secret sur Koursk", lede="Pas encore.", live=False
        ),
        "english": ArticleFactory(
            section=world, title="Ukraine weighs a withdrawal from Kursk", lede="Kursk."
        ),
    }


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(h.get_text().split()) for h in soup.select(".listing .teaser h2")]


def test_published_stories_of_the_edition_are_found(client, stories):
    response = client.get("/fr/search/", {"q": "Koursk"})
    assert response.status_code == 200
    assert titles(response) == ["L'Ukraine envisage de se retirer de Koursk"]
    assert titles(client.get("/fr/search/", {"q": "riz Japon"})) == [stories["riz"].title]
    assert titles(client.get("/en/search/", {"q": "Kursk"})) == [stories["english"].title]


def test_an_empty_query_shows_the_form_and_no_results(client, stories):
    response = client.get("/fr/search/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.select_one("form[role=search] input[name=q]") is not None
    assert titles(response) == []


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        '"Koursk',
        "Kou*",
        "(Koursk",
        "Koursk NEAR riz",
        "-Koursk",
        "title:Koursk",
        "'; DROP TABLE wagtailcore_page; --",
        "Koursk\x00\x07",
        '<script>alert("q")</script>',
    ],
)
def test_whatever_is_typed_gives_a_normal_page_with_the_words_escaped(client, stories, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(" not in html
    soup = BeautifulSoup(html, "html.parser")
    shown = soup.select_one("input[name=q]")["value"]
    assert len(shown) <= MAX_QUERY_LENGTH
    assert "\x00" not in shown


def test_invalid_utf8_in_the_query_string_is_a_normal_page(client, stories):
    response = client.get("/fr/search/?q=%ff%fe%80Koursk")
    assert response.status_code == 200


def test_pages_of_results_keep_the_query(client, homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    for n in range(25):
        ArticleFactory(section=monde, title=f"Inondations dans le centre, jour {n}", quick=True)
    soup = BeautifulSoup(client.get("/fr/search/", {"q": "inondations"}).content, "html.parser")
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "q=inondations" in next_link and "page=2" in next_link
    assert len(titles(client.get(f"/fr/search/{next_link}"))) == 5


def test_the_edition_home_tells_search_engines_how_to_search(client, homes):
    import json

    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    (website,) = [b for b in blocks if b["@type"] == "WebSite"]
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"].endswith("/fr/search/?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"


def test_every_page_leads_to_the_edition_search(client, stories):
    for url, search in (("/fr/", "/fr/search/"), (stories["koursk"].url, "/fr/search/"),
                        ("/en/", "/en/search/")):  # fmt: skip
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.select_one("a.masthead__search")["href"] == search, url
    french = BeautifulSoup(client.get("/fr/").content, "html.parser")
    assert french.select_one("a.masthead__search").get_text(strip=True) == "Recherche"


def teasers(response):
    return BeautifulSoup(response.content, "html.parser").select(".listing .teaser")


def test_the_matched_words_are_marked_in_headline_and_lede(client, stories):
    (teaser,) = teasers(client.get("/fr/search/", {"q": "retirer forces"}))
    marked = [m.get_text() for m in teaser.select("mark")]
    assert marked == [
        "retirer",
        "retirer",
        "forces",
    ]  # headline "se retirer", lede "retirer ses forces"
    (teaser,) = teasers(client.get("/fr/search/", {"q": "coopérative parfumés"}))
    assert [m.get_text() for m in teaser.select(".teaser__lede mark")] == [
        "coopératives",
        "parfumé",
    ]


def test_the_headline_weighs_more_than_the_lede_and_the_lede_more_than_the_body(client, homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    day = timezone.now() - timedelta(days=400)  # same age: no recency boost either way
    paragraph = [("paragraph", "<p>Un long récit où la sécheresse revient une fois.</p>")]
    ArticleFactory(
        section=monde,
        title="Récoltes en baisse",
        lede="Les paysans s'inquiètent.",
        body=paragraph,
        published_at=day,
    )
    ArticleFactory(
        section=monde,
        title="Récoltes en hausse",
        lede="Malgré la sécheresse.",
        body=[],
        published_at=day,
    )
    ArticleFactory(
        section=monde, title="La sécheresse frappe le delta", lede="Les rizières souffrent.",
        body=[], published_at=day,
    )  # fmt: skip
    assert titles(client.get("/fr/search/", {"q": "sécheresse"})) == [
        "La sécheresse frappe le delta",
        "Récoltes en hausse",
        "Récoltes en baisse",
    ]


def test_newer_stories_rank_a_little_higher_and_date_order_is_on_request(client, homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    now = timezone.now()
    ArticleFactory(
        section=monde,
        title="Typhon sur la côte nord",
        lede="Alerte.",
        published_at=now - timedelta(days=900),
    )
    ArticleFactory(
        section=monde,
        title="Typhon sur la côte sud",
        lede="Alerte.",
        published_at=now - timedelta(days=1),
    )
    ArticleFactory(section=monde, title="Bilan de la saison", lede="Un typhon parmi d'autres.",
                   published_at=now - timedelta(hours=2))  # fmt: skip
    by_relevance = titles(client.get("/fr/search/", {"q": "typhon"}))
    assert by_relevance[0] == "Typhon sur la côte sud"  # as good a match, and recent
    # a headline match two years old still beats a passing mention of this morning
    assert by_relevance.index("Typhon sur la côte nord") < by_relevance.index("Bilan de la saison")
    by_date = titles(client.get("/fr/search/", {"q": "typhon", "sort": "date"}))
    assert by_date == ["Bilan de la saison", "Typhon sur la côte sud", "Typhon sur la côte nord"]


def test_results_narrow_by_section_author_and_dates(client, homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    eco = SectionFactory(parent=homes["fr"], title="Économie", slug="economie")
    lan = AuthorFactory(name="Lan Anh")
    day = timezone.make_aware(datetime(2026, 3, 10, 9, 0))
    ArticleFactory(
        section=monde, title="Le riz du delta s'exporte", published_at=day, authors=[lan]
    )
    ArticleFactory(
        section=eco, title="Le prix du riz grimpe", published_at=day + timedelta(days=30)
    )
    search = {"q": "riz"}
    assert titles(client.get("/fr/search/", {**search, "section": eco.pk})) == [
        "Le prix du riz grimpe"
    ]
    assert titles(client.get("/fr/search/", {**search, "author": "lan-anh"})) == [
        "Le riz du delta s'exporte"
    ]
    dated = {**search, "date_from": "2026-03-10", "date_to": "2026-03-10"}
    assert titles(client.get("/fr/search/", dated)) == ["Le riz du delta s'exporte"]
    assert titles(client.get("/fr/search/", {**search, "date_from": "2026-04-01"})) == [
        "Le prix du riz grimpe"
    ]


def test_a_filter_that_does_not_read_is_reported_and_the_search_still_runs(client, stories):
    response = client.get("/fr/search/", {"q": "Koursk", "date_from": "hier", "section": "999999"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".search-filters__error")) == 2
    assert soup.select_one("details.search-filters").has_attr("open")
    assert titles(response) == ["L'Ukraine envisage de se retirer de Koursk"]


def test_quoted_phrases_and_the_rest_of_the_words_combine(client, stories):
    assert titles(client.get("/fr/search/", {"q": '"nouveaux marchés" riz'})) == [
        stories["riz"].title
    ]
    assert titles(client.get("/fr/search/", {"q": '"marchés nouveaux"'})) == []


def test_a_broad_search_lists_its_first_results_and_says_there_are_more(client, homes, monkeypatch):
    monkeypatch.setattr("newsdesk.search.views.MAX_RESULTS", 3)
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    for n in range(5):
        ArticleFactory(section=monde, title=f"Grève des dockers, jour {n}", quick=True)
    response = client.get("/fr/search/", {"q": "grève"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(titles(response)) == 3
    assert "3 articles ou plus correspondent" in soup.select_one(".search-count").get_text()
    assert soup.select_one(".pagination a[rel=next]") is None


def test_results_page_on_from_headline_matches_to_body_only_matches(client, homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    now = timezone.now()
    in_headline = [
        ArticleFactory(
            section=monde,
            title=f"Sécheresse dans le delta, jour {n}",
            published_at=now - timedelta(days=400 + n),
            quick=True,
        )
        for n in range(22)
    ]
    in_body = ArticleFactory(
        section=monde,
        title="Les rizières du delta",
        lede="Les paysans attendent.",
        body=[("paragraph", "<p>La sécheresse menace la récolte.</p>")],
        published_at=now,
    )
    first = titles(client.get("/fr/search/", {"q": "sécheresse"}))
    second = titles(client.get("/fr/search/", {"q": "sécheresse", "page": 2}))
    # Every headline match comes before the fresher story that has the word in its body only.
    assert len(first) == 20 and in_body.title not in first
    assert second[-1] == in_body.title and len(second) == 3
    assert set(first + second[:-1]) == {story.title for story in in_headline}
