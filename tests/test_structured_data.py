"""What machines read from a story and an edition home: extruct (a real parser of
structured data) finds the NewsArticle, its breadcrumbs, the publisher and the OpenGraph
card; Twitter's tags are there for the link previews."""

import json

import extruct
import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"


def extract(html):
    return extruct.extract(html, base_url=BASE, syntaxes=["json-ld", "opengraph"])


def open_graph(html) -> dict[str, list[str]]:
    """The page's OpenGraph properties, each with all its values, in order."""
    (card,) = extract(html)["opengraph"]
    properties = {}
    for name, value in card["properties"]:
        properties.setdefault(name, []).append(value)
    return properties


def of_type(data, kind):
    return [item for item in data["json-ld"] if item.get("@type") == kind]


@pytest.fixture
def story(homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    return ArticleFactory(
        section=monde,
        title="Les États-Unis continuent de partager des renseignements avec Kiev",
        authors=[AuthorFactory(name="Viet Dung", slug="viet-dung")],
        tags=["Ukraine", "Koursk"],
        source=SourceFactory(),
        source_url="https://vietnamnet.vn/my-van-chia-se-tin-tinh-bao-2378715.html",
        source_relation="republished",
        lead_image=ImageFactory(file__width=2400, file__height=1600),
    )


def test_an_article_carries_every_news_article_property(client, story):
    data = extract(client.get(story.url).content.decode())
    (article,) = of_type(data, "NewsArticle")
    assert article["headline"] == story.title
    assert article["description"] == story.lede
    assert article["inLanguage"] == "fr"
    assert article["articleSection"] == "Monde"
    assert sorted(article["keywords"]) == ["Koursk", "Ukraine"]
    assert article["mainEntityOfPage"]["@id"] == f"{BASE}{story.url}"
    assert article["isBasedOn"] == story.source_url
    assert article["datePublished"] and article["dateModified"]
    (author,) = article["author"]
    assert author == {
        "@type": "Person",
        "name": "Viet Dung",
        "url": f"{BASE}/fr/authors/viet-dung/",
    }
    publisher = article["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["url"] == f"{BASE}/fr/" and publisher["logo"]["url"].startswith(BASE)
    ratios = {round(image["width"] / image["height"], 2) for image in article["image"]}
    assert ratios == {1.78, 1.33, 1.0}
    assert all(image["width"] == 1200 for image in article["image"])


def test_an_article_has_its_breadcrumbs(client, story):
    data = extract(client.get(story.url).content.decode())
    (crumbs,) = of_type(data, "BreadcrumbList")
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["Accueil", "Monde", story.title]
    assert crumbs["itemListElement"][-1]["item"] == f"{BASE}{story.url}"
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]


def test_an_article_has_its_open_graph_and_twitter_cards(client, story):
    html = client.get(story.url).content.decode()
    og = open_graph(html)
    assert og["og:type"] == ["article"]
    assert og["og:title"] == [story.title]
    assert og["og:url"] == [f"{BASE}{story.url}"]
    assert og["og:locale"] == ["fr_FR"]
    assert og["og:image"][0].startswith(BASE)
    assert og["article:published_time"] and og["article:modified_time"]
    assert og["article:section"] == ["Monde"]
    assert sorted(og["article:tag"]) == ["Koursk", "Ukraine"]
    assert og["article:author"] == [f"{BASE}/fr/authors/viet-dung/"]
    soup = BeautifulSoup(html, "html.parser")
    twitter = {
        m["name"]: m["content"]
        for m in soup.find_all("meta")
        if m.get("name", "").startswith("twitter:")
    }
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:title"] == story.title
    assert twitter["twitter:image"].startswith(BASE)


def test_the_edition_home_is_a_website_by_a_news_organisation(client, homes):
    data = extract(client.get("/fr/").content.decode())
    (website,) = of_type(data, "WebSite")
    assert website["url"] == f"{BASE}/fr/" and website["inLanguage"] == "fr"
    (organisation,) = of_type(data, "NewsMediaOrganization")
    assert organisation["name"] == website["name"]
    assert organisation["logo"]["url"].startswith(BASE)
    og = open_graph(client.get("/fr/").content.decode())
    assert og["og:type"] == ["website"] and og["og:url"] == [f"{BASE}/fr/"]


def test_hostile_text_still_gives_valid_json_ld(client, homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    title = 'Fin ]]> </script><script>alert("x")</script> \x07 & « guillemets »'
    page = ArticleFactory(section=monde, title=title, slug="hostile", lede="Chapô\x0b ]]>")
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    soup = BeautifulSoup(html, "html.parser")
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    (article,) = [b for b in blocks if b["@type"] == "NewsArticle"]
    assert article["headline"] == title
    assert article["description"] == "Chapô\x0b ]]>"
