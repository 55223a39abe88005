"""The note under a translated story: who (or what) translated it, in the edition's language,
and the editor's own words when they write some in the translation editor."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
)

from newsdesk.articles.models import ArticlePage
from newsdesk.editions.models import TranslationCredit

from .factories import ArticleFactory, SectionFactory, person


@pytest.fixture
def french_translation(admin_client, homes, locales):
    """A Vietnamese story machine-translated for the French edition, as the model page."""
    SectionFactory(parent=homes["fr"], title="Monde")
    story = ArticleFactory(
        section=SectionFactory(parent=homes["vi"], title="Thế giới"),
        title="Mỹ chia sẻ thông tin tình báo với Ukraine",
        lede="Washington tiếp tục chia sẻ thông tin tình báo với Kiev.",
    )
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert admin_client.post(url, {"locales": [locales["fr"].pk]}).status_code == 302
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locales["fr"]
    )
    source = translation.source
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["fr"],
            context=segment.context,
            data=f"FR {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name="DeepL",
        )
    return translation


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a translation from its segments (wagtail-localize publishes on commit)."""

    def publish(translation):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return ArticlePage.objects.get(
            translation_key=translation.source.object_id, locale=translation.target_locale
        )

    return publish


def note(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    found = soup.select_one(".translation-note")
    return found.get_text(strip=True) if found else None


def put(client, url, value):
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def test_an_unreviewed_machine_translation_says_so(client, french_translation, publish):
    french = publish(french_translation)
    assert note(client, french) == "Traduit automatiquement."
    assert note(client, french_translation.source.get_source_instance()) is None


def test_the_note_names_the_people_who_reviewed_segments(
    client, homes, french_translation, publish
):
    anne = person("anne", "Translators", desks=[(homes["fr"], "translator")])
    anne.first_name, anne.last_name = "Anne", "Martin"
    anne.save()
    client.force_login(anne)
    segment = StringSegment.objects.filter(source=french_translation.source).first()
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[french_translation.pk, segment.pk]
    )
    assert put(client, url, "Les États-Unis partagent des renseignements").status_code == 200
    client.logout()

    french = publish(french_translation)
    assert note(client, french) == "Traduit automatiquement, relu par Anne Martin."


def test_the_editor_writes_their_own_note_from_the_translation_editor(
    admin_client, client, french_translation, publish
):
    french = publish(french_translation)
    explorer = BeautifulSoup(
        admin_client.get(reverse("wagtailadmin_explore", args=[french.get_parent().pk])).content,
        "html.parser",
    )
    url = reverse("newsdesk_translation_note", args=[french_translation.pk])
    assert explorer.select_one(f'a[href="{url}"]') is not None
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert "Traduit automatiquement." in form.get_text()  # the default, for reference

    assert (
        admin_client.post(url, {"note": "Traduit du vietnamien par la rédaction."}).status_code
        == 302
    )
    assert note(client, french) == "Traduit du vietnamien par la rédaction."
    assert note(client, french_translation.source.get_source_instance()) is None

    admin_client.post(url, {"note": ""})  # back to the automatic note
    assert note(client, french) == "Traduit automatiquement."


def test_only_someone_who_may_edit_the_translation_writes_its_note(
    client, homes, french_translation
):
    client.force_login(person("minh", "Translators", desks=[(homes["vi"], "translator")]))
    url = reverse("newsdesk_translation_note", args=[french_translation.pk])
    response = client.post(url, {"note": "Pirate"})
    assert response.status_code in (302, 403)
    assert not TranslationCredit.objects.filter(note="Pirate").exists()
