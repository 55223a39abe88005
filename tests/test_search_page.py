"""Readers search their edition at /<lang>/search/?q=: published stories of that edition,
and whatever they type, a normal page with their words shown as text."""

import pytest
from bs4 import BeautifulSoup

from newsdesk.search.services import MAX_QUERY_LENGTH
from tests.factories import ArticleFactory, SectionFactory

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
