"""What happened to a story, and when, is on record; republishing shows “updated”."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageLogEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.services import get_month_folder

from .factories import ArticleFactory, SectionFactory, person


def test_republishing_a_story_shows_its_update_time(client, homes):
    story = ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Monde"))
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one(".byline__dates .updated") is None

    story = ArticlePage.objects.get(pk=story.pk)
    story.lede = "Lede corrigé."
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.updated_at == story.last_published_at
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    updated = soup.select_one(".byline__dates .updated")
    assert "Mis à jour" in updated.get_text()
    assert updated.time["datetime"]


def test_chief_editors_see_who_did_what_in_every_desk(client, homes):
    chief = person("chief", "Chief editors")
    world = SectionFactory(parent=homes["en"], title="World")
    sport = SectionFactory(parent=homes["fr"], title="Sport")
    reporter = person("reporter", "Reporters", desks=[(sport, "reporter")])

    english = ArticleFactory(section=world, live=False, title="Water accord signed")
    english.save_revision(user=chief).publish(user=chief)
    ArticlePage.objects.get(pk=english.pk).unpublish(user=chief)
    french = ArticleFactory(section=sport, live=False, title="Le Sông Hậu FC monte")
    french.save_revision(user=chief).publish(user=chief)
    french = ArticlePage.objects.get(pk=french.pk)
    destination = get_month_folder(section=sport, when=french.published_at.replace(year=2024))
    french.move(destination, pos="last-child", user=chief)

    client.force_login(chief)
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    for title in ("Water accord signed", "Le Sông Hậu FC monte"):
        assert title in history
    actions = set(PageLogEntry.objects.filter(user=chief).values_list("action", flat=True))
    assert {"wagtail.publish", "wagtail.unpublish", "wagtail.move"} <= actions

    client.force_login(reporter)  # a reporter sees their own desk's history only
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Le Sông Hậu FC monte" in history
    assert "Water accord signed" not in history


def test_republishing_from_the_editor_shows_the_update_time_too(homes):
    """The editor's Publish button runs Wagtail's publish action, not ArticlePage.publish."""
    from django.test import Client

    from .factories import article_form

    story = ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Monde"))
    client = Client()
    client.force_login(person("chief", "Chief editors"))
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    response = client.post(url, article_form(story, action="action-publish", lede="Corrigé."))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.lede == "Corrigé."
    assert story.updated_at is not None and story.updated_at == story.last_published_at
    assert story.updated_at > story.first_published_at
