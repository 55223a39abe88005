"""The demo's flagship story exists in all three editions, each a full model page."""

import pytest
from bs4 import BeautifulSoup

from newsdesk.articles.models import ArticlePage
from newsdesk.editions.demo import demo_key, load_demo

WORDING = {
    "fr": {"attribution": "Selon", "copy": "Copier le lien", "month": "juin"},
    "en": {"attribution": "According to", "copy": "Copy link", "month": "June"},
    "vi": {"attribution": "Theo", "copy": "Sao chép liên kết", "month": "tháng 6"},
}


@pytest.fixture
def flagship(db):
    load_demo()
    versions = ArticlePage.objects.filter(translation_key=demo_key("article", "flagship"))
    return {page.locale.language_code: page for page in versions.select_related("locale")}


@pytest.mark.parametrize("language", ["fr", "en", "vi"])
def test_each_version_carries_every_element_in_its_language(client, flagship, language):
    assert set(flagship) == {"fr", "en", "vi"}
    page = flagship[language]
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    words = WORDING[language]

    assert soup.html["lang"] == language
    assert soup.h1.get_text() == page.title
    assert soup.select_one(".article__section a").get_text()
    assert soup.select(".byline__authors a[rel=author]")
    assert words["month"] in soup.select_one("time.published").get_text()
    assert soup.select_one("p.lede").get_text() == page.lede
    assert soup.select_one("figure.article__lead-image figcaption .credit").get_text()
    assert soup.select_one(".article__body blockquote") and soup.select_one(".article__body cite")
    assert soup.select_one(".article__body h2")
    line = soup.select_one(".attribution__line").get_text(" ", strip=True)
    assert line.startswith(words["attribution"] + " ")
    assert soup.select_one(".attribution__url a")["href"] == page.source_url
    assert soup.select_one("button.copy-link__button").get_text(strip=True) == words["copy"]
    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.languages a")}
    assert switcher == {code: version.url for code, version in flagship.items()}
    assert soup.find(id="rail-featured") and soup.find(id="rail-latest")
