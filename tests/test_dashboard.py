"""The newsroom dashboard shows each person their drafts and their desks' latest stories."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from .factories import ArticleFactory, SectionFactory, person


@pytest.fixture
def desks(homes):
    intl = SectionFactory(parent=homes["fr"], title="International")
    sport = SectionFactory(parent=homes["fr"], title="Sport")
    reporter = person("reporter", "Reporters", desks=[(intl, "reporter")])
    editor = person("editor", "Editors", desks=[(intl, "editor")])
    return intl, sport, reporter, editor


def panel(client, user, panel_id):
    client.force_login(user)
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    found = soup.find(id=f"{panel_id}-content")
    return found.get_text(" ", strip=True) if found else ""


def test_reporters_see_their_own_drafts(client, desks):
    intl, _sport, reporter, editor = desks
    ArticleFactory(section=intl, live=False, owner=reporter, title="Mon brouillon")
    ArticleFactory(section=intl, live=False, owner=editor, title="Brouillon d'un autre")
    drafts = panel(client, reporter, "newsdesk-my-drafts")
    assert "Mon brouillon" in drafts
    assert "Brouillon d'un autre" not in drafts


def test_editors_see_what_went_out_in_their_desks(client, desks):
    intl, sport, _reporter, editor = desks
    ArticleFactory(section=intl, title="Kiev et Washington")
    ArticleFactory(section=sport, title="Finale de ghe ngo")
    published = panel(client, editor, "newsdesk-desk-published")
    assert "Kiev et Washington" in published
    assert "Finale de ghe ngo" not in published


def test_awaiting_review_lists_only_my_desks_stories(client, desks):
    intl, sport, reporter, editor = desks
    chief = person("chief", "Chief editors")
    mine = ArticleFactory(section=intl, live=False, title="Relecture International")
    other = ArticleFactory(section=sport, live=False, title="Relecture Sport")
    for story in (mine, other):
        story.get_workflow().start(story, chief)
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Relecture International" in page
    assert "Relecture Sport" not in page
