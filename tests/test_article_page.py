"""The article page carries every element of the model page, in proper semantics."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from newsdesk.articles.models import ArticlePage

from .factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    SourceFactory,
    feature,
)

MARCH_9 = datetime(2025, 3, 9, 7, 13, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def french_story(homes):
    section = SectionFactory(parent=homes["fr"], title="International", slug="international")
    photo = ImageFactory(
        caption="Soldats ukrainiens en première ligne.", credit="Photo : X/@ZelenskyyUa"
    )
    return ArticleFactory(
        section=section,
        title="Les États-Unis continuent de partager des renseignements avec Kiev",
        kicker="Ukraine",
        published_at=MARCH_9,
        authors=[AuthorFactory(name="Viet Dung", slug="viet-dung")],
        tags=["Ukraine", "Renseignement"],
        body=[
            ("paragraph", "<p>Le site Kyiv Independent a rapporté le 8 mars…</p>"),
            ("heading", {"text": "L'Ukraine envisage de se retirer de Koursk", "level": "h2"}),
            ("quote", {"quote": "Nous continuerons.", "attribution": "une source de CNN"}),
            ("image", {"image": photo, "caption": "", "alt": "", "credit": ""}),
            ("fact_box", {"title": "Repères", "body": "<ul><li>8 mars</li></ul>"}),
        ],
        source=SourceFactory(name="vietnamnet.vn"),
        source_url="https://vietnamnet.vn/my-van-chia-se-tin-tinh-bao-2378715.html",
        source_relation="translated",
    )


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_article_has_one_h1_with_the_headline_kicker_and_lede(client, french_story):
    soup = soup_of(client, french_story)
    article = soup.find("article", class_="article")
    assert article is not None
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [french_story.title]
    assert article.find(class_="kicker").get_text(strip=True) == "Ukraine"
    assert article.find(class_="lede").get_text(strip=True) == french_story.lede
    assert article.find(class_="article__section").a.get_text(strip=True) == "International"


def test_byline_links_each_author_to_their_profile(client, french_story):
    soup = soup_of(client, french_story)
    authors = soup.select(".byline__authors a[rel=author]")
    assert [(a.get_text(), a["href"]) for a in authors] == [("Viet Dung", "/fr/authors/viet-dung/")]
    assert client.get("/fr/authors/viet-dung/").status_code == 200


def test_publication_time_is_machine_readable_and_french(client, french_story):
    time = soup_of(client, french_story).select_one(".byline__dates time.published")
    assert time.get_text() == "9 mars 2025 à 07:13"
    assert datetime.fromisoformat(time["datetime"]) == MARCH_9


def test_images_are_figures_with_caption_and_credit(client, french_story):
    soup = soup_of(client, french_story)
    lead = soup.select_one("figure.article__lead-image")
    assert lead.img["alt"]
    assert "srcset" in lead.img.attrs
    assert lead.figcaption.find(class_="credit").get_text() == "Photo : X/@ZelenskyyUa"
    body_figure = soup.select_one(".article__body figure.body-image")
    assert "Soldats ukrainiens en première ligne." in body_figure.figcaption.get_text()
    assert body_figure.figcaption.find(class_="credit").get_text() == "Photo : X/@ZelenskyyUa"


def test_quote_heading_and_fact_box_are_semantic(client, french_story):
    body = soup_of(client, french_story).select_one(".article__body")
    quote = body.select_one("figure.quote")
    assert quote.blockquote.get_text(strip=True) == "Nous continuerons."
    assert quote.cite.get_text() == "une source de CNN"
    assert body.h2.get_text() == "L'Ukraine envisage de se retirer de Koursk"
    assert body.select_one("aside.fact-box h2").get_text() == "Repères"


def test_attribution_names_the_outlet_and_links_the_original(client, french_story):
    attribution = soup_of(client, french_story).select_one("aside.attribution")
    assert (
        attribution.select_one(".attribution__line")
        .get_text(" ", strip=True)
        .startswith("Selon vietnamnet.vn")
    )
    link = attribution.select_one(".attribution__url a")
    assert link["href"] == french_story.source_url


def test_copy_link_shows_the_canonical_url_without_javascript(client, french_story):
    soup = soup_of(client, french_story)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical.endswith("/fr/international/2025/03/" + french_story.slug + "/")
    field = soup.select_one(".copy-link input#permalink")
    assert field["value"] == canonical and field.has_attr("readonly")
    assert soup.select_one("label[for=permalink]") is not None
    assert soup.select_one("button.copy-link__button").get_text(strip=True) == "Copier le lien"
    share = [a["href"] for a in soup.select(".share__links a")]
    assert any("facebook.com" in href for href in share)
    assert any(href.startswith("mailto:") for href in share)


def test_breadcrumbs_lead_from_the_edition_home_to_the_story(client, french_story):
    crumbs = soup_of(client, french_story).select("nav.breadcrumbs li a")
    assert [a["href"] for a in crumbs] == ["/fr/", "/fr/international/", french_story.url]
    assert crumbs[-1]["aria-current"] == "page"


def test_language_switcher_lists_only_published_translations(client, french_story, locales):
    soup = soup_of(client, french_story)
    assert soup.select("nav.languages a") == []
    assert {link["hreflang"] for link in soup.find_all("link", rel="alternate", hreflang=True)} == {
        "fr",
        "x-default",
    }

    english = french_story.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "The US keeps sharing intelligence with Kyiv"
    english.save_revision().publish()
    french_story.copy_for_translation(locales["vi"], copy_parents=True)  # a draft: not listed

    soup = soup_of(client, french_story)
    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.languages a")}
    assert switcher == {"fr": french_story.url, "en": ArticlePage.objects.get(pk=english.pk).url}
    assert {link["hreflang"] for link in soup.find_all("link", rel="alternate", hreflang=True)} == {
        "fr",
        "en",
        "x-default",
    }


def test_featured_and_latest_rails_show_other_stories(client, french_story, homes):
    section = french_story.get_section()
    chosen = ArticleFactory(section=section, title="Koursk : retrait envisagé")
    others = [ArticleFactory(section=section, title=f"Dépêche {n}") for n in range(6)]
    feature(homes["fr"], chosen)
    soup = soup_of(client, french_story)
    featured = soup.find("h2", id="rail-featured").find_parent("section")
    latest = soup.find("h2", id="rail-latest").find_parent("section")
    assert featured.h2.get_text() == "En vedette"
    featured_titles = [a.get_text() for a in featured.select(".teaser__title a")]
    assert featured_titles[0] == chosen.title  # the editor's choice first, then the newest
    assert featured_titles[1:] == [o.title for o in reversed(others)][:3]
    latest_titles = [a.get_text() for a in latest.select(".teaser__title a")]
    assert latest_titles == [o.title for o in reversed(others)][3:]
    assert french_story.title not in featured_titles + latest_titles


def test_featured_rail_falls_back_to_the_newest_stories(client, french_story):
    newer = ArticleFactory(section=french_story.get_section(), title="Starlink fonctionne toujours")
    featured = soup_of(client, french_story).find("h2", id="rail-featured").find_parent("section")
    assert newer.title in featured.get_text()


def test_json_ld_describes_the_news_article_and_its_source(client, french_story):
    soup = soup_of(client, french_story)
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == french_story.title
    assert data["inLanguage"] == "fr"
    assert data["isBasedOn"] == french_story.source_url
    assert data["author"][0]["name"] == "Viet Dung"
    assert datetime.fromisoformat(data["datePublished"]) == MARCH_9


def test_reading_time_is_printed(client, french_story):
    assert "min" in soup_of(client, french_story).select_one(".reading-time").get_text()


def test_embed_and_related_article_blocks_render(client, homes):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    section = SectionFactory(parent=homes["fr"], title="Culture")
    related = ArticleFactory(section=section, title="Le cải lương s'empare de Molière")
    video = "https://www.youtube.com/watch?v=newsdesk"
    # A stored embed, as after a first successful oEmbed fetch (tests make no network call).
    Embed.objects.create(
        hash=get_embed_hash(video, None, None),
        url=video,
        max_width=None,
        type="video",
        html='<iframe title="Vidéo" src="about:blank"></iframe>',
    )
    article = ArticleFactory(
        section=section,
        body=[
            ("embed", video),
            ("related_article", {"article": related, "label": ""}),
        ],
    )
    body = soup_of(client, article).select_one(".article__body")
    assert body.select_one("figure.embed iframe")["title"] == "Vidéo"
    link = body.select_one("aside.related-article a")
    assert (link.get_text(), link["href"]) == (related.title, related.url)
    assert body.select_one(".related-article__label").get_text() == "À lire aussi"
