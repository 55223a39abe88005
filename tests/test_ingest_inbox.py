"""The inbox in the admin: editors find items (filters, search), read one, and make a draft
article of it in one click, attributed, with its photo brought into the library."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from newsdesk.articles.models import ArticlePage, SourceRelation
from newsdesk.images.models import NewsImage
from newsdesk.ingest import services
from newsdesk.ingest.models import IngestItem, Source
from newsdesk.ingest.services import record_item
from newsdesk.ingest.sources.base import ItemData
from newsdesk.lib.fetch import FetchError, Response
from tests.factories import SectionFactory, person

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Le site d'information Kyiv Independent a rapporté le 8 mars que CNN citait des "
    "responsables américains.</p>"
    "<figure><img src='https://cdn.example.org/soldats.jpg' alt='Soldats'>"
    "<figcaption>Soldats ukrainiens en première ligne. Photo : X/@ZelenskyyUa</figcaption></figure>"
    "<h2>L'Ukraine envisage de se retirer de Koursk</h2>"
    "<blockquote><p>Nous continuerons.</p><cite>une source de CNN</cite></blockquote>"
    "<table><tr><td>Koursk</td><td>10 000 soldats</td></tr></table>"
)


def png(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "steelblue").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def photo_server(monkeypatch):
    """The network boundary: image URLs answer with a small PNG, or fail when they say so."""
    requested = []

    def fake_fetch(url, **kwargs):
        requested.append(url)
        if "missing" in url:
            raise FetchError("HTTP 404", url=url)
        return Response(url, 200, {"content-type": "image/png"}, png())

    monkeypatch.setattr(services, "fetch", fake_fetch)
    return requested


@pytest.fixture
def item(db):
    source = Source.objects.create(name="vietnamnet.vn", home_url="https://vietnamnet.vn")
    item, _outcome = record_item(
        ItemData(
            key="url:https://vietnamnet.vn/koursk-2378715.html",
            origin=IngestItem.Origin.WEB,
            headline="Les États-Unis continuent de partager des renseignements avec Kiev",
            lede="Washington continue de partager des renseignements, à des fins défensives.",
            body_html=BODY,
            authors=["Viet Dung"],
            tags=["Ukraine", "Koursk"],
            language="fr",
            original_url="https://vietnamnet.vn/koursk-2378715.html",
            via=source,
        )
    )
    return item


@pytest.fixture
def international(homes):
    return SectionFactory(parent=homes["fr"], title="International", slug="international")


def test_the_inbox_lists_filters_and_searches_items(admin_client, item):
    other, _ = record_item(
        ItemData(
            key="url:https://example.org/riz",
            origin="web",
            headline="Le riz de Nghe An",
            body_html="<p>Le riz conquiert de nouveaux marchés.</p>",
        )  # fmt: skip
    )
    other.status = IngestItem.Status.DISCARDED
    other.save()
    index = reverse("ingest_inbox:index")
    page = admin_client.get(index).content.decode()
    assert item.headline in page and "Le riz de Nghe An" in page
    new_only = admin_client.get(index, {"status": "new"}).content.decode()
    assert item.headline in new_only and "Le riz de Nghe An" not in new_only
    found = admin_client.get(index, {"q": "renseignements"}).content.decode()
    assert item.headline in found and "Le riz de Nghe An" not in found
    assert reverse("ingest_inbox:draft", args=[item.pk]) in page


def test_an_item_is_read_in_full_with_its_body_sanitised(admin_client, item):
    response = admin_client.get(reverse("ingest_inbox:inspect", args=[item.pk]))
    html = response.content.decode()
    assert "Kyiv Independent" in html and "vietnamnet.vn" in html
    assert "Photo : X/@ZelenskyyUa" in html


def test_create_draft_makes_an_attributed_draft_with_blocks_and_the_photo(
    admin_client, item, international, photo_server
):
    url = reverse("ingest_inbox:draft", args=[item.pk])
    response = admin_client.post(url, {"section": international.pk})
    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().get_parent().get_parent().specific == international
    assert page.title == item.headline
    assert page.lede == item.lede
    assert [block.block_type for block in page.body] == [
        "paragraph", "image", "heading", "quote", "imported_html",
    ]  # fmt: skip
    image_block = page.body[1].value
    assert image_block["caption"] == "Soldats ukrainiens en première ligne."
    assert image_block["credit"] == "Photo : X/@ZelenskyyUa"
    assert image_block["image"].credit == "Photo : X/@ZelenskyyUa"
    assert page.lead_image == image_block["image"]
    assert page.body[3].value["attribution"] == "une source de CNN"
    assert "10 000 soldats" in str(page.body[4].value)
    assert [link.author.name for link in page.article_authors.all()] == ["Viet Dung"]
    assert sorted(tag.name for tag in page.tags.all()) == ["Koursk", "Ukraine"]
    assert page.source.name == "vietnamnet.vn"
    assert page.source_url == "https://vietnamnet.vn/koursk-2378715.html"
    assert page.source_relation == SourceRelation.REPUBLISHED
    item.refresh_from_db()
    assert item.status == IngestItem.Status.USED and item.article_id == page.pk
    # The draft passes the editor's own validation: it can be published as it is.
    page.get_latest_revision().publish()
    assert ArticlePage.objects.get().live


def test_a_photo_that_cannot_be_fetched_is_reported_and_the_draft_still_made(
    admin_client, item, international, photo_server
):
    item.body_html = item.body_html.replace("soldats.jpg", "missing.jpg")
    item.save()
    response = admin_client.post(
        reverse("ingest_inbox:draft", args=[item.pk]), {"section": international.pk}, follow=True
    )
    page = ArticlePage.objects.get()
    assert "image" not in [block.block_type for block in page.body]
    assert any("missing.jpg" in str(m) for m in response.context["messages"])


def test_a_summary_only_source_gives_a_draft_with_the_lede_and_a_link(
    admin_client, item, international, photo_server
):
    Source.objects.filter(pk=item.source_id).update(reuse=Source.Reuse.SUMMARY)
    admin_client.post(reverse("ingest_inbox:draft", args=[item.pk]), {"section": international.pk})
    page = ArticlePage.objects.get()
    assert page.lede == item.lede
    assert [block.block_type for block in page.body] == ["paragraph"]
    assert item.original_url in page.body[0].value.source
    assert page.source_relation == SourceRelation.BASED_ON
    assert not photo_server


def test_an_item_becomes_one_draft_only(admin_client, item, international, photo_server):
    url = reverse("ingest_inbox:draft", args=[item.pk])
    admin_client.post(url, {"section": international.pk})
    assert (
        reverse("ingest_inbox:draft", args=[item.pk])
        not in admin_client.get(reverse("ingest_inbox:index")).content.decode()
    )
    admin_client.post(url, {"section": international.pk})
    assert ArticlePage.objects.count() == 1


def test_the_source_default_section_is_proposed(admin_client, item, international, homes):
    SectionFactory(parent=homes["fr"], title="Économie", slug="economie")
    Source.objects.filter(pk=item.source_id).update(default_section=international)
    response = admin_client.get(reverse("ingest_inbox:draft", args=[item.pk]))
    assert response.context["form"].initial["section"] == international.pk


def test_a_reporter_drafts_only_in_their_desk(client, item, international, homes, photo_server):
    economie = SectionFactory(parent=homes["fr"], title="Économie", slug="economie")
    client.force_login(person("lan", "Reporters", desks=[(international, "reporter")]))
    url = reverse("ingest_inbox:draft", args=[item.pk])
    choices = list(client.get(url).context["form"].fields["section"].queryset)
    assert choices == [international]
    refused = client.post(url, {"section": economie.pk})
    assert refused.status_code == 200 and not ArticlePage.objects.exists()
    client.post(url, {"section": international.pk})
    assert (
        ArticlePage.objects.get().get_parent().get_parent().get_parent().specific == international
    )


def test_a_translator_has_no_inbox(client, item, homes):
    client.force_login(person("minh", "Translators", desks=[(homes["vi"], "translator")]))
    assert client.get(reverse("ingest_inbox:index")).status_code in (302, 403)
    assert client.get(reverse("ingest_inbox:draft", args=[item.pk])).status_code in (302, 403)


def test_import_from_url_refuses_a_private_address_with_the_reason(admin_client):
    response = admin_client.post(reverse("ingest_inbox:add"), {"url": "http://127.0.0.1:9/x"})
    assert response.status_code == 200
    assert "non-public address" in str(response.context["form"].errors["url"])
    assert not IngestItem.objects.exists()
    assert not NewsImage.objects.exists()


@pytest.fixture
def vietnamese_machine(settings):
    """A LibreTranslate-speaking provider on a local port, answering “[VI] …”."""
    from tests.fake_provider import FakeProvider

    with FakeProvider() as provider:
        provider.answer = lambda body: (
            200, {"translatedText": [f"[VI] {text}" for text in body["q"]]}, {}
        )  # fmt: skip
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": "newsdesk.editions.translators.LibreTranslateTranslator",
            "OPTIONS": {"URL": provider.url, "TIMEOUT": 2},
        }
        yield provider


def test_create_draft_can_start_a_machine_translation(
    admin_client, item, international, locales, photo_server, vietnamese_machine
):
    response = admin_client.post(
        reverse("ingest_inbox:draft", args=[item.pk]),
        {
            "section": international.pk,
            "translate_into": [locales["vi"].pk],
            "machine_translate": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    original = ArticlePage.objects.get(locale=locales["fr"])
    translated = ArticlePage.objects.get(locale=locales["vi"])
    assert translated.translation_key == original.translation_key
    assert not translated.live
    latest = translated.get_latest_revision_as_object()
    assert latest.title == f"[VI] {item.headline}"
    assert latest.lede == f"[VI] {item.lede}"
    assert latest.source == original.source  # the attribution goes along


def test_a_failing_provider_leaves_the_draft_and_says_why(
    admin_client, item, international, locales, photo_server, vietnamese_machine
):
    vietnamese_machine.answer = lambda body: (503, {"error": "down"}, {})
    response = admin_client.post(
        reverse("ingest_inbox:draft", args=[item.pk]),
        {
            "section": international.pk,
            "translate_into": [locales["vi"].pk],
            "machine_translate": "on",
        },
        follow=True,
    )
    assert ArticlePage.objects.filter(locale=locales["fr"]).exists()
    assert not ArticlePage.objects.filter(locale=locales["vi"]).exists()
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "503" in errors[0], errors


def test_a_reporter_is_not_offered_translation(client, item, international):
    client.force_login(person("lan", "Reporters", desks=[(international, "reporter")]))
    form = client.get(reverse("ingest_inbox:draft", args=[item.pk])).context["form"]
    assert "translate_into" not in form.fields
