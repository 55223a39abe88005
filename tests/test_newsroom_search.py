"""The newsroom searches every edition, drafts included, from the admin; the page chooser
finds headlines by their first letters without accents; and the index follows every
publish, edit, unpublish and delete at once."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from newsdesk.search.services import search_articles
from tests.factories import ArticleFactory, SectionFactory, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(homes):
    return {
        "fr": SectionFactory(parent=homes["fr"], title="Monde", slug="monde"),
        "en": SectionFactory(parent=homes["en"], title="World", slug="world"),
        "vi": SectionFactory(parent=homes["vi"], title="Thế giới", slug="the-gioi"),
    }


@pytest.fixture
def editor(client, desk):
    user = person("thu", "Chief editors")
    client.force_login(user)
    return user


def headlines(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in soup.select("table.listing td.title a")]


def public(query, language="fr") -> list[str]:
    return [
        a.title for a in search_articles(query, locale=Locale.objects.get(language_code=language))
    ]


def test_the_newsroom_finds_drafts_in_every_edition(client, desk, editor):
    ArticleFactory(section=desk["fr"], title="Élections au Sénégal : le dépouillement", live=False)
    ArticleFactory(section=desk["en"], title="Senegal's elections: the count begins")
    ArticleFactory(section=desk["vi"], title="Bầu cử tại Senegal", lede="Cuộc bầu cử tổng thống.")
    response = client.get("/admin/stories/search/", {"q": "elections senegal"})
    assert response.status_code == 200
    assert sorted(headlines(response)) == [
        "Senegal's elections: the count begins",
        "Élections au Sénégal : le dépouillement",
    ]
    assert headlines(client.get("/admin/stories/search/", {"q": "bau cu"})) == [
        "Bầu cử tại Senegal"
    ]
    # the draft stays out of the readers' search
    assert public("élections sénégal") == []


def test_the_newsroom_search_filters_by_edition_and_status(client, desk, editor):
    ArticleFactory(section=desk["fr"], title="Inondations à Hué", live=False)
    ArticleFactory(section=desk["fr"], title="Inondations dans le delta")
    ArticleFactory(section=desk["en"], title="Floods in Hue: inondations, as the French say")
    fr_only = client.get("/admin/stories/search/", {"q": "inondations", "locale": "fr"})
    assert sorted(headlines(fr_only)) == ["Inondations dans le delta", "Inondations à Hué"]
    drafts = client.get("/admin/stories/search/", {"q": "inondations", "status": "draft"})
    assert headlines(drafts) == ["Inondations à Hué"]


def test_readers_and_strangers_cannot_use_the_newsroom_search(client, desk):
    assert client.get("/admin/stories/search/", {"q": "x"}).status_code == 302
    client.force_login(person("reader"))
    assert client.get("/admin/stories/search/", {"q": "x"}).status_code == 302


def test_a_reporter_sees_the_stories_of_the_pages_they_may_explore(client, desk, homes):
    ArticleFactory(section=desk["fr"], title="Réforme des retraites : le débat", live=False)
    client.force_login(person("lan", "Reporters", desks=[(desk["fr"], "reporter")]))
    response = client.get("/admin/stories/search/", {"q": "retraites"})
    assert response.status_code == 200
    assert headlines(response) == ["Réforme des retraites : le débat"]


def test_the_page_chooser_finds_headlines_by_their_first_letters_without_accents(
    client, desk, editor
):
    ArticleFactory(section=desk["fr"], title="Les États-Unis suspendent leur aide militaire")
    ArticleFactory(section=desk["vi"], title="Đà Nẵng đón khách quốc tế")
    response = client.get("/admin/choose-page/search/", {"q": "etats-u"})
    assert "Les États-Unis suspendent leur aide militaire" in response.content.decode()
    response = client.get("/admin/choose-page/search/", {"q": "da nan"})
    assert "Đà Nẵng đón khách quốc tế" in response.content.decode()


def test_publish_edit_unpublish_and_delete_reach_the_search_at_once(desk):
    story = ArticleFactory(section=desk["fr"], title="La mousson arrive sur le delta", live=False)
    assert public("mousson") == []
    story.save_revision().publish()
    assert public("mousson") == ["La mousson arrive sur le delta"]

    story.title = "Le typhon approche du delta"
    story.save_revision().publish()
    assert public("mousson") == []
    assert public("typhon") == ["Le typhon approche du delta"]

    story.refresh_from_db()
    story.unpublish()
    assert public("typhon") == []

    story.delete()
    assert not IndexEntry.objects.filter(object_id=str(story.pk)).exists()


def test_a_scheduled_story_stays_out_of_public_search_until_it_goes_live(desk):
    story = ArticleFactory(section=desk["fr"], title="Le budget 2027 dévoilé", live=False)
    story.go_live_at = timezone.now() + timedelta(days=1)
    story.save_revision().publish()  # with go_live_at ahead, Wagtail schedules it instead
    story.refresh_from_db()
    assert not story.live
    assert public("budget") == []
    assert [a.title for a in search_articles("budget", published_only=False)] == [story.title]


def test_update_index_rebuilds_a_lost_index(desk):
    ArticleFactory(section=desk["fr"], title="Le port de Hai Phong s'agrandit")
    IndexEntry.objects.all().delete()
    assert public("Hai Phong") == []
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert public("hai phong") == ["Le port de Hai Phong s'agrandit"]
