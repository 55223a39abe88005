"""The translation status table: each story's state in each edition."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from newsdesk.articles.models import ArticlePage

from .factories import ArticleFactory, SectionFactory


@pytest.fixture
def story(homes):
    return ArticleFactory(
        section=SectionFactory(parent=homes["fr"], title="Monde"), title="Accord sur le Mékong"
    )


def statuses(client):
    soup = BeautifulSoup(client.get(reverse("newsdesk_translations")).content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if "Accord sur le Mékong" in tr.get_text())
    return {cell["data-language"]: cell["data-status"] for cell in row.select("td[data-status]")}


def translate_strings(source, locale, kind):
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}", "translation_type": kind},
        )


def test_the_table_follows_a_translation_from_missing_to_published(admin_client, story, locales):
    assert statuses(admin_client) == {"fr": "original", "en": "missing", "vi": "missing"}

    source, _ = TranslationSource.get_or_create_from_instance(story)
    Translation.objects.create(source=source, target_locale=locales["en"]).save_target(
        publish=False
    )
    assert statuses(admin_client)["en"] == "draft"

    translate_strings(source, locales["en"], StringTranslation.TRANSLATION_TYPE_MACHINE)
    assert statuses(admin_client)["en"] == "machine-only"

    translate_strings(source, locales["en"], StringTranslation.TRANSLATION_TYPE_MANUAL)
    assert statuses(admin_client)["en"] == "reviewed"

    english = ArticlePage.objects.get(translation_key=story.translation_key, locale=locales["en"])
    english.save_revision().publish()
    assert statuses(admin_client)["en"] == "published"

    french = ArticlePage.objects.get(pk=story.pk)
    french.lede = "Un nouveau paragraphe d'introduction."
    french.save_revision()
    assert statuses(admin_client) == {"fr": "original", "en": "out of date", "vi": "missing"}

    source.update_from_db()  # the translator syncs the source's changes
    assert statuses(admin_client)["en"] == "published"
