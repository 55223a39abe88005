"""A French story goes to the English and Vietnamese editions the way a newsroom does it,
every step through the admin over HTTP: translators start the translations, a provider
drafts them (DeepL for English, a LibreTranslate server for Vietnamese, both played by a
local server), translators review every segment and submit them, the chief editor approves
(which publishes), the French source is corrected and republished, and the sync brings
the correction while keeping what the translators reviewed."""

import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from newsdesk.articles.models import ArticlePage

from .factories import ArticleFactory, AuthorFactory, SectionFactory, SourceFactory, person
from .fake_provider import FakeProvider

LEDE = "Washington continue de partager des renseignements avec Kiev."
NEW_LEDE = "Washington a repris le partage de renseignements avec Kiev."


def deepl_answer(body):
    return 200, {"translations": [{"text": f"[EN] {text}"} for text in body["text"]]}, {}


def libretranslate_answer(body):
    return 200, {"translatedText": [f"[VI] {text}" for text in body["q"]]}, {}


@pytest.fixture
def provider():
    with FakeProvider() as fake:
        yield fake


@pytest.fixture
def use_provider(settings, provider):
    """Point wagtail-localize's machine translator at the fake server, as DeepL or as
    LibreTranslate (a newsroom configures one; the test uses both in turn)."""

    def use(kind):
        if kind == "deepl":
            provider.answer = deepl_answer
            settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
                "CLASS": "newsdesk.editions.translators.DeepLTranslator",
                "OPTIONS": {"AUTH_KEY": "key:fx", "API_URL": provider.url, "TIMEOUT": 2},
            }
        else:
            provider.answer = libretranslate_answer
            settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
                "CLASS": "newsdesk.editions.translators.LibreTranslateTranslator",
                "OPTIONS": {"URL": provider.url, "TIMEOUT": 2},
            }

    return use


@pytest.fixture
def newsroom(homes):
    for code in ("fr", "en", "vi"):
        SectionFactory(
            parent=homes[code], title={"fr": "Monde", "en": "World", "vi": "Thế giới"}[code]
        )
    people = {
        "en": person("anne", "Translators", desks=[(homes["en"], "translator")]),
        "vi": person("minh", "Translators", desks=[(homes["vi"], "translator")]),
        "chief": person("chief", "Chief editors"),
    }
    for user, (first, last) in zip(
        people.values(), [("Anne", "Martin"), ("Minh", "Trần"), ("Paul", "Durand")], strict=True
    ):
        user.first_name, user.last_name = first, last
        user.save()
    return people


@pytest.fixture
def story(homes):
    world = homes["fr"].get_children().get(slug="monde").specific
    return ArticleFactory(
        section=world,
        title="Les États-Unis partagent des renseignements avec l'Ukraine",
        lede=LEDE,
        authors=[AuthorFactory(name="Việt Dũng")],
        source=SourceFactory(),
        source_url="https://vietnamnet.vn/my-chia-se-tin-tinh-bao.html",
        source_relation="translated",
    )


def as_user(client, user):
    client.force_login(user)
    return client


def statuses(client, story):
    soup = BeautifulSoup(client.get(reverse("newsdesk_translations")).content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if story.title in tr.get_text())
    return {cell["data-language"]: cell["data-status"] for cell in row.select("td[data-status]")}


def translate(client, story, code, locales):
    """The translator starts the translation, then asks the provider for a first draft."""
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locales[code].pk]})
    assert response.status_code == 302, response.content[:2000]
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locales[code]
    )
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(f"{url}?next=/admin/").status_code == 302
    return translation


def review_every_segment(client, translation, correct=lambda text: text):
    """In the translation editor, the translator saves each segment after reading it."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        current = StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=translation.target_locale
        )
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url,
            urlencode({"value": correct(current.data)}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200, response.content


def submit_and_approve(translator, chief, translation):
    response = translator.post(reverse("newsdesk_submit_translation", args=[translation.pk]))
    assert response.status_code == 302
    page = translation.get_target_instance()
    task = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task.pk])
    response = chief.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.content[:2000]
    return ArticlePage.objects.get(pk=page.pk)


def alternates(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup, {
        link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
    }


def test_a_french_story_is_translated_reviewed_published_and_kept_in_sync(
    client, newsroom, story, locales, use_provider, django_capture_on_commit_callbacks
):
    anne, minh, chief = (as_user(Client(), newsroom[k]) for k in ("en", "vi", "chief"))

    use_provider("deepl")
    english_translation = translate(anne, story, "en", locales)
    use_provider("libretranslate")
    vietnamese_translation = translate(minh, story, "vi", locales)
    assert statuses(chief, story) == {"fr": "original", "en": "machine-only", "vi": "machine-only"}

    review_every_segment(anne, english_translation, lambda text: text.replace("[EN] ", ""))
    review_every_segment(minh, vietnamese_translation)
    assert statuses(chief, story) == {"fr": "original", "en": "reviewed", "vi": "reviewed"}

    english = submit_and_approve(anne, chief, english_translation)
    vietnamese = submit_and_approve(minh, chief, vietnamese_translation)
    assert english.live and vietnamese.live
    assert statuses(chief, story) == {"fr": "original", "en": "published", "vi": "published"}

    # Images, byline and attribution come along; the text is the reviewed translation.
    assert english.lead_image_id == story.lead_image_id
    assert english.source_id == story.source_id and english.source_url == story.source_url
    assert [a.author.translation_key for a in english.article_authors.all()] == [
        a.author.translation_key for a in story.article_authors.all()
    ]
    assert english.lede == LEDE  # Anne's review took out the provider's marker
    assert vietnamese.lede == f"[VI] {LEDE}"

    # The three pages name each other, and the translations say who translated them.
    pages = {"fr": story, "en": english, "vi": vietnamese}
    for code, page in pages.items():
        soup, links = alternates(client, page)
        assert {lang: href for lang, href in links.items() if lang != "x-default"} == {
            other: p.get_full_url() for other, p in pages.items()
        }
        note = soup.select_one(".translation-note")
        if code == "fr":
            assert note is None
        else:
            reviewer = {"en": "Anne Martin", "vi": "Minh Trần"}[code]
            assert reviewer in note.get_text()
    assert re.search(r"reviewed by Anne Martin", alternates(client, english)[0].get_text())
    assert "relu" not in alternates(client, english)[0].get_text()

    # The French desk corrects its lede and republishes: both translations are out of date.
    story.lede = NEW_LEDE
    story.save_revision().publish()
    assert statuses(chief, story) == {"fr": "original", "en": "out of date", "vi": "out of date"}

    # Syncing (machine translation ticked by default) brings the correction in as a
    # machine-translated segment to review; the headline Anne reviewed is kept as she left it.
    use_provider("deepl")
    source = english_translation.source
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = BeautifulSoup(anne.get(sync).content, "html.parser")
    assert form.select_one('input[name="use_machine_translation"]').has_attr("checked")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = anne.post(sync, {"use_machine_translation": "on", "publish_translations": "on"})
    assert response.status_code == 302
    english.refresh_from_db()
    vietnamese.refresh_from_db()
    # Anne may not publish: the sync leaves a draft for her to submit for review.
    assert english.live_revision.as_object().lede == LEDE
    draft = english.get_latest_revision_as_object()
    assert draft.lede == f"[EN] {NEW_LEDE}"
    assert draft.title == story.title  # reviewed, unchanged in the source: kept
    lede = StringTranslation.objects.get(
        locale=locales["en"], context__path="lede", translation_of__data=NEW_LEDE
    )
    assert lede.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    title = StringTranslation.objects.get(locale=locales["en"], context__path="title")
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL

    # Anne synced as the English translator: the Vietnamese page is untouched, and the
    # table shows Minh the new sentence waiting in his editor.
    assert vietnamese.lede == f"[VI] {LEDE}"
    assert statuses(chief, story) == {"fr": "original", "en": "machine-only", "vi": "draft"}
    use_provider("libretranslate")
    url = reverse("wagtail_localize:machine_translate", args=[vietnamese_translation.pk])
    assert minh.post(f"{url}?next=/admin/").status_code == 302
    assert statuses(chief, story) == {"fr": "original", "en": "machine-only", "vi": "machine-only"}


def test_a_sync_the_provider_fails_changes_nothing_and_says_why(
    newsroom, story, locales, use_provider, provider
):
    anne = as_user(Client(), newsroom["en"])
    use_provider("deepl")
    translation = translate(anne, story, "en", locales)
    story.lede = NEW_LEDE
    story.save_revision().publish()
    before = list(StringSegment.objects.filter(source=translation.source).values_list("string_id"))

    provider.answer = lambda body: (429, {"message": "Too many requests"}, {"Retry-After": "30"})
    sync = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    response = anne.post(f"{sync}?next=/admin/", {"use_machine_translation": "on"})

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("30" in m for m in messages), messages
    # Rolled back: the source still has its old text, so the story is still out of date.
    after = list(StringSegment.objects.filter(source=translation.source).values_list("string_id"))
    assert after == before
    assert statuses(anne, story)["en"] == "out of date"
