"""An article as IPTC ninjs at /api/ninjs/<id>/: valid against IPTC's schema for 2.1 and
3.0 (checked with the ingest side's validator and its local schemas), with its headline,
lede, body, byline, tags, dates, source and pictures (renditions in several sizes, caption,
credit); read back by our own ninjs ingest as the same story; a JSON 404 for anything that
is not a published article or a version we write; well-formed whatever the text holds."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.articles.models import ArticlePage
from newsdesk.distribution.ninjs import CAMEL_CASE, UnknownVersion, article_to_ninjs
from newsdesk.ingest.sources import ninjs as ingest

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory, SourceFactory

VERSIONS = ["2.1", "3.0"]


@pytest.fixture
def section(homes):
    return SectionFactory(parent=homes["fr"], title="International", slug="international")


@pytest.fixture
def story(section):
    """The model page: a story republished from vietnamnet.vn, two authors, a lead photo,
    and a body with a heading, a captioned photo of its own and a quote."""
    body_photo = ImageFactory(title="Front", caption="Le front, en mars.", credit="Photo : AFP")
    return ArticleFactory(
        section=section,
        title="Les États-Unis partagent des renseignements avec l'Ukraine",
        kicker="Guerre en Ukraine",
        lede="Washington continue de partager des renseignements avec Kiev.",
        body=[
            ("paragraph", "<p>Le site <b>Kyiv Independent</b> a rapporté le 8 mars…</p>"),
            ("heading", {"text": "Sur le terrain", "level": "h2"}),
            ("image", {"image": body_photo, "caption": "Près de Koursk.", "alt": "", "credit": ""}),
            ("quote", {"quote": "Nous continuerons.", "attribution": "une source de CNN"}),
        ],
        authors=[AuthorFactory(name="Viet Dung"), AuthorFactory(name="Lan Anh")],
        tags=["Ukraine", "Mê Kông"],
        source=SourceFactory(),
        source_url="https://vietnamnet.vn/my-chia-se-tinh-bao.html",
        source_relation="republished",
        published_at=timezone.now() - timedelta(hours=3),
    )


def get(client, page_or_id, **params):
    pk = getattr(page_or_id, "pk", page_or_id)
    return client.get(f"/api/ninjs/{pk}/", params)


def strings(value):
    """Every string of a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for name, inner in value.items():
            yield name
            yield from strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from strings(inner)


def keys(value):
    if isinstance(value, dict):
        for name, inner in value.items():
            yield name
            yield from keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys(inner)


# Valid ninjs ---------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_an_article_is_valid_ninjs_of_the_version_asked(client, story, version):
    response = get(client, story, version=version)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    schema = f"http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json"
    assert response["Link"] == f'<{schema}>; rel="describedby"'
    document = json.loads(response.content.decode("utf-8"))

    assert ingest.validate(document) == version  # IPTC's schema, local copy, no $ref fetched
    assert ingest.declared_version(document) == version
    assert document["standard"] == {"name": "ninjs", "version": version, "schema": schema}
    lower, camel = set(CAMEL_CASE), set(CAMEL_CASE.values())
    spelled = set(keys(document))
    if version == "2.1":
        assert {"versioncreated", "firstcreated", "contenttype", "altids"} <= spelled
        assert not spelled & camel
    else:
        assert {"versionCreated", "firstCreated", "contentType", "altIds"} <= spelled
        assert not spelled & lower
    # jsonschema checks no "uri" format without an extra package: check them here.
    for name in ("uri", "href"):
        for value in _values(document, name):
            assert urlsplit(value).scheme in ("http", "https", "urn"), value


def _values(document, name):
    if isinstance(document, dict):
        for key, value in document.items():
            if key == name:
                yield value
            else:
                yield from _values(value, name)
    elif isinstance(document, list):
        for inner in document:
            yield from _values(inner, name)


def test_the_document_tells_the_story(client, story):
    document = get(client, story).json()
    assert document["type"] == "text"
    assert document["language"] == "fr"
    assert document["uri"].startswith("urn:uuid:")
    assert document["headlines"] == [
        {"role": "main", "value": story.title},
        {"role": "kicker", "value": "Guerre en Ukraine"},
    ]
    assert document["descriptions"] == [
        {"role": "summary", "contenttype": "text/plain", "value": story.lede}
    ]
    html, text = document["bodies"]
    assert html["contenttype"] == "text/html"
    assert "<b>Kyiv Independent</b>" in html["value"]
    assert "<h2>Sur le terrain</h2>" in html["value"]
    assert (
        "<blockquote><p>Nous continuerons.</p><cite>une source de CNN</cite></blockquote>"
        in (html["value"])
    )
    assert '<img src="http://' in html["value"]  # absolute, a partner shows it as it is
    assert "Près de Koursk. <small>Photo : AFP</small>" in html["value"]
    assert text["contenttype"] == "text/plain"
    assert text["value"].splitlines() == [
        "Le site Kyiv Independent a rapporté le 8 mars…",
        "Sur le terrain",
        "Nous continuerons.",
    ]
    assert text["wordcount"] == len(text["value"].split())

    assert document["by"] == "Viet Dung, Lan Anh"
    assert [(p["name"], p["rel"]) for p in document["people"]] == [
        ("Viet Dung", "author"),
        ("Lan Anh", "author"),
    ]
    assert document["people"][0]["uri"] == "http://127.0.0.1:8000/fr/authors/viet-dung/"
    assert {(s["name"], s["uri"]) for s in document["subjects"]} == {
        ("Ukraine", "http://127.0.0.1:8000/fr/tags/ukraine/"),
        ("Mê Kông", "http://127.0.0.1:8000/fr/tags/me-kong/"),
    }
    assert document["firstcreated"] == timezone.localtime(story.published_at).isoformat()
    assert document["versioncreated"] == document["firstcreated"]
    assert document["pubstatus"] == "usable"
    assert {"role": "canonical", "value": story.full_url} in document["altids"]
    assert document["renditions"] == [
        {"name": "web", "href": story.full_url, "contenttype": "text/html"}
    ]

    # Where it comes from: the outlet holds the rights of what we republish.
    assert document["copyrightholder"] == "vietnamnet.vn"
    assert document["infosources"] == [
        {
            "name": "vietnamnet.vn",
            "uri": "https://vietnamnet.vn/my-chia-se-tinh-bao.html",
            "role": "republished",
        }
    ]


def test_every_kind_of_block_has_safe_html_with_absolute_links(client, section, story):
    page = ArticleFactory(
        section=section,
        body=[
            ("paragraph", f'<p>Voir <a linktype="page" id="{story.pk}">cet article</a>.</p>'),
            ("fact_box", {"title": "Repères", "body": "<ul><li>8 mars</li></ul>"}),
            ("embed", "https://www.youtube.com/watch?v=abc"),
            ("related_article", {"article": story, "label": ""}),
            ("imported_html", '<table><tr><td onclick="x()">1</td></tr></table><script>x</script>'),
            ("paragraph", '<p><a href="javascript:alert(1)">piège</a></p>'),
        ],
    )
    html = get(client, page).json()["bodies"][0]["value"]
    assert f'<a href="{story.full_url}" rel="noopener">cet article</a>' in html
    assert "<h3>Repères</h3><ul><li>8 mars</li></ul>" in html.replace("\n", "")
    assert '<a href="https://www.youtube.com/watch?v=abc"' in html
    assert f'<p>À lire aussi <a href="{story.full_url}"' in html
    assert "<table><tbody><tr><td>1</td></tr></tbody></table>" in html
    assert "script" not in html and "onclick" not in html and "javascript" not in html


def test_an_own_story_is_the_papers_and_names_no_source(client, section):
    story = ArticleFactory(section=section, authors=[AuthorFactory()])
    document = get(client, story).json()
    assert document["copyrightholder"] == "Newsdesk"
    assert "infosources" not in document
    based_on = ArticleFactory(
        section=section,
        source=SourceFactory(),
        source_url="https://vietnamnet.vn/a.html",
        source_relation="based_on",
    )
    document = get(client, based_on).json()
    assert document["copyrightholder"] == "Newsdesk"  # our words, their facts
    assert document["infosources"][0]["role"] == "based_on"


def test_the_uri_stays_while_the_version_follows_publications(client, story):
    first = get(client, story).json()
    story = ArticlePage.objects.get(pk=story.pk)  # as an editor opens it
    story.slug = "renseignements-americains"
    story.title = "Renseignements : Washington continue"
    story.save_revision().publish()
    second = get(client, story).json()
    assert second["uri"] == first["uri"]
    assert int(second["version"]) > int(first["version"])
    assert second["headlines"][0]["value"] == "Renseignements : Washington continue"
    assert second["versioncreated"] > second["firstcreated"]  # an update now
    assert second["altids"][0]["value"].endswith("/renseignements-americains/")


# Pictures ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_pictures_come_with_renditions_caption_and_credit(client, story, version):
    document = get(client, story, version=version).json()
    content_type = "contenttype" if version == "2.1" else "contentType"
    lead, in_body = document["associations"]
    assert (lead["name"], lead["type"], in_body["name"]) == ("leadimage", "picture", "image1")
    assert lead["descriptions"] == [
        {"role": "caption", "value": "Soldats ukrainiens en première ligne."},
        {"role": "alt", "value": "Soldats en première ligne"},
        {"role": "creditline", "value": "Photo : X/@ZelenskyyUa"},
    ]
    # A body photo's own caption wins over the library's; the credit comes from the library.
    assert {"role": "caption", "value": "Près de Koursk."} in in_body["descriptions"]
    assert {"role": "creditline", "value": "Photo : AFP"} in in_body["descriptions"]
    for picture in (lead, in_body):
        renditions = picture["renditions"]
        assert [r["name"] for r in renditions] == ["large", "medium", "small", "thumbnail"]
        for rendition in renditions:
            assert rendition["href"].startswith("http://127.0.0.1:8000/media/images/")
            assert rendition[content_type] == "image/jpeg"
            assert isinstance(rendition["width"], int) and isinstance(rendition["height"], int)
            served = client.get(urlsplit(rendition["href"]).path)
            assert served.status_code == 200
            served.close()
        assert picture["uri"] == f"http://127.0.0.1:8000/api/v2/images/{_image_id(picture)}/"


def _image_id(picture):
    return int(picture["uri"].rstrip("/").rsplit("/", 1)[1])


def test_a_story_without_pictures_or_byline_is_still_valid(client, section):
    bare = ArticleFactory(section=section, lead_image=None, body=[], tags=[])
    for version in VERSIONS:
        document = get(client, bare, version=version).json()
        assert ingest.validate(document) == version
        assert "associations" not in document and "people" not in document
        assert "bodies" not in document


# Round trip through our own ingest -----------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_our_ingest_reads_back_the_same_story(client, story, version):
    response = get(client, story, version=version)
    item, outcome = ingest.receive(response.content)
    assert outcome == "created"
    assert item.headline == story.title
    assert item.lede == story.lede
    assert item.body_text.splitlines() == [
        "Le site Kyiv Independent a rapporté le 8 mars…",
        "Sur le terrain",
        "Près de Koursk. Photo : AFP",  # the body photo's caption and credit
        "Nous continuerons.",
    ]
    assert item.headings == ["Sur le terrain"]
    assert item.authors == ["Viet Dung", "Lan Anh"]
    assert item.published_at == story.published_at
    assert item.modified_at == story.published_at
    assert item.language == "fr"
    assert item.tags == ["Ukraine", "Mê Kông"]
    assert item.original_url == story.full_url
    assert item.source.name == "vietnamnet.vn"
    assert [(i["caption"], i["credit"]) for i in item.images] == [
        ("Soldats ukrainiens en première ligne.", "Photo : X/@ZelenskyyUa"),
        ("Près de Koursk.", "Photo : AFP"),
    ]
    assert all(i["src"].endswith(".width-1920.jpg") for i in item.images)
    # The same document again is the same item, unchanged.
    assert ingest.receive(response.content)[1] == "skipped"


# Not an article, not published, not a version: JSON 404s --------------------------------


def test_what_is_not_a_published_article_is_a_json_404(client, section, story):
    draft = ArticleFactory(section=section, live=False)
    withdrawn = ArticleFactory(section=section)
    withdrawn.unpublish()
    members = SectionFactory(parent=section, title="Abonnés")
    PageViewRestriction.objects.create(page=members, restriction_type="password", password="x")
    private = ArticleFactory(section=members)
    for pk in (draft.pk, withdrawn.pk, private.pk, section.pk, 999999, 2**40):
        response = get(client, pk)
        assert response.status_code == 404, pk
        assert response.json() == {"message": f"no published article with id {pk}"}
    for path in ("/api/ninjs/", "/api/ninjs/abc/", f"/api/ninjs/{story.pk}", "/api/ninjs/1/x/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["message"].startswith("not found")


@pytest.mark.parametrize("version", ["1.0", "2.0", "3.1", "4", "", "3.0\x00", "x" * 500])
def test_an_unknown_version_is_a_json_404(client, story, version):
    response = get(client, story, version=version)
    assert response.status_code == 404
    assert response.json()["message"].startswith("version: no ninjs version")
    assert "2.1, 3.0" in response.json()["message"]
    with pytest.raises(UnknownVersion):
        article_to_ninjs(story, version=version)


def test_only_reading_is_allowed(client, story):
    assert client.post(f"/api/ninjs/{story.pk}/").status_code == 405
    assert client.head(f"/api/ninjs/{story.pk}/").status_code == 200


# Hostile text --------------------------------------------------------------------------

HOSTILE = "Fin ]]> <![CDATA[ x ]]> \x01\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029 «ok» 🇻🇳 </script>"


@pytest.mark.parametrize("version", VERSIONS)
def test_hostile_text_gives_well_formed_valid_json(client, section, version):
    story = ArticleFactory(
        section=section,
        title=f"Titre {HOSTILE}",
        kicker=HOSTILE[:100],
        lede=HOSTILE,
        body=[
            ("paragraph", f"<p>{HOSTILE}</p>"),
            ("heading", {"text": HOSTILE, "level": "h2"}),
            ("quote", {"quote": HOSTILE, "attribution": HOSTILE}),
        ],
        authors=[AuthorFactory(name="Nom ]]> \x1b")],
        tags=["]]>"],
    )
    response = get(client, story, version=version)
    assert response.status_code == 200
    document = json.loads(response.content.decode("utf-8", errors="strict"))
    assert ingest.validate(document) == version
    assert "]]>" in document["headlines"][0]["value"]
    assert "</script>" in document["descriptions"][0]["value"]
    for text in strings(document):
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text), repr(text)
        assert not any(0x7F <= ord(c) <= 0x9F for c in text), repr(text)
    item, _outcome = ingest.receive(response.content)
    assert item.headline.startswith("Titre Fin ]]>")


def test_unpaired_surrogates_and_nulls_become_safe_text(story):
    # No database stores them (SQLite and PostgreSQL refuse); a page built in memory can.
    story.title = "Kiev \ud800 et \udfff \x00 fin"
    story.lede = "\udc80 lede"
    for version in VERSIONS:
        document = article_to_ninjs(story, version=version)
        encoded = json.dumps(document, ensure_ascii=False).encode("utf-8")  # no error
        assert json.loads(encoded)["headlines"][0]["value"] == "Kiev \ufffd et \ufffd  fin"
        assert ingest.validate(document) == version


# For the partner webhooks, and cost --------------------------------------------------------


def test_without_a_request_urls_use_the_sites_address(story):
    document = article_to_ninjs(story, version="3.0")
    assert document["altIds"][0]["value"] == story.full_url
    assert document["associations"][0]["renditions"][0]["href"].startswith("http://127.0.0.1:8000/")
    assert ingest.validate(document) == "3.0"


def test_queries_do_not_grow_with_byline_and_tags(client, section):
    small = ArticleFactory(section=section, authors=[AuthorFactory()], tags=["a"])
    large = ArticleFactory(
        section=section, authors=[AuthorFactory() for _ in range(4)], tags=list("bcdef")
    )
    counts = []
    for story in (small, large):
        get(client, story)  # warm: renditions made once, the site cached
        with CaptureQueriesContext(connection) as queries:
            assert get(client, story).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    print("ninjs queries:", counts[0])
