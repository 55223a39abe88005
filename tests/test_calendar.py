"""The editorial calendar shows a desk's week and lets an editor move a scheduled story."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from newsdesk.articles.models import ArticlePage

from .factories import ArticleFactory, SectionFactory, person


@pytest.fixture
def week(homes):
    intl = SectionFactory(parent=homes["fr"], title="International")
    sport = SectionFactory(parent=homes["fr"], title="Sport")
    editor = person("editor", "Editors", desks=[(intl, "editor")])
    tomorrow = timezone.localtime() + timedelta(days=1)
    ArticleFactory(section=intl, title="Déjà publié", published_at=timezone.now())
    scheduled = ArticleFactory(section=intl, live=False, title="Sous embargo")
    scheduled.go_live_at = tomorrow
    scheduled.save_revision().publish()
    ArticleFactory(section=sport, title="Autre service")
    return intl, editor, ArticlePage.objects.get(pk=scheduled.pk), tomorrow


def calendar(client, **params):
    response = client.get(reverse("newsdesk_calendar"), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_week_shows_published_and_scheduled_stories_of_my_desks(client, week):
    intl, editor, scheduled, tomorrow = week
    client.force_login(editor)
    soup = calendar(client, view="week", date=timezone.localdate().isoformat())
    if tomorrow.date().weekday() == 0:  # tomorrow starts next week
        soup = calendar(client, view="week", date=tomorrow.date().isoformat())
        assert "Sous embargo" in soup.get_text()
    else:
        text = soup.get_text()
        assert "Déjà publié" in text and "Sous embargo" in text
    assert "Autre service" not in soup.get_text()
    day = calendar(client, view="day", date=tomorrow.date().isoformat())
    entry = day.select_one("tr.is-scheduled")
    assert "Sous embargo" in entry.get_text()
    assert entry.find("a")["href"] == reverse("wagtailadmin_pages:edit", args=(scheduled.pk,))


def test_an_editor_moves_a_scheduled_story(client, week):
    intl, editor, scheduled, tomorrow = week
    client.force_login(editor)
    later = (tomorrow + timedelta(days=2)).replace(second=0, microsecond=0)
    response = client.post(
        reverse("newsdesk_calendar_reschedule", args=(scheduled.pk,)),
        {"go_live_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    due = Revision.page_revisions.filter(
        object_id=str(scheduled.pk), approved_go_live_at__isnull=False
    )
    assert [r.approved_go_live_at for r in due] == [later]
    assert not ArticlePage.objects.get(pk=scheduled.pk).live


def test_bad_times_are_refused_and_change_nothing(client, week):
    intl, editor, scheduled, tomorrow = week
    client.force_login(editor)
    before = list(Revision.page_revisions.values_list("pk", "approved_go_live_at"))
    client.post(
        reverse("newsdesk_calendar_reschedule", args=(scheduled.pk,)), {"go_live_at": "soon"}
    )
    assert list(Revision.page_revisions.values_list("pk", "approved_go_live_at")) == before
