"""Who may do what, through the admin's real views: roles × actions × desks and editions.

Personas: a reporter and an editor of the French "International" desk, a translator of the
English edition, a chief editor, and an outsider who may only open the admin. A refused
action answers with the admin's refusal (a redirect to the dashboard, or 403) and changes
nothing in the database.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.services import get_month_folder

from .factories import ArticleFactory, SectionFactory, article_form, person

LAST_YEAR = datetime(2024, 1, 15, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def newsroom(homes):
    intl = SectionFactory(parent=homes["fr"], title="International", slug="international")
    sport = SectionFactory(parent=homes["fr"], title="Sport", slug="sport")
    world = SectionFactory(parent=homes["en"], title="World", slug="world")

    people = {
        "reporter": person("reporter", "Reporters", desks=[(intl, "reporter")]),
        "editor": person("editor", "Editors", desks=[(intl, "editor")]),
        "translator": person("translator", "Translators", desks=[(homes["en"], "translator")]),
        "chief": person("chief", "Chief editors"),
        "outsider": person("outsider"),
    }
    people["outsider"].user_permissions.add(Permission.objects.get(codename="access_admin"))
    chief = people["chief"]
    stories = {
        "own_draft": ArticleFactory(section=intl, live=False, owner=people["reporter"]),
        "others_draft": ArticleFactory(section=intl, live=False, owner=chief),
        "live": ArticleFactory(section=intl, owner=chief),
        "sport_draft": ArticleFactory(section=sport, live=False, owner=chief),
        "sport_live": ArticleFactory(section=sport, owner=chief),
        "en_draft": ArticleFactory(section=world, live=False, owner=chief),
        "en_live": ArticleFactory(section=world, owner=chief),
    }
    places = {"intl": intl, "sport": sport, "world": world}
    return people, stories, places


def fresh(page):
    return ArticlePage.objects.filter(pk=page.pk).first()


# Each action returns True when it took effect, judged by the database (or a 200 for views).
def create(client, world, target):
    folder = get_month_folder(section=world[2][target])
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = client.get(url)
    return response.status_code == 200, response


def edit(client, world, target):
    page = world[1][target]
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    return response.status_code == 200, response


def publish(client, world, target):
    page = world[1][target]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        article_form(page, action="action-publish"),
    )
    return fresh(page).live, response


def submit(client, world, target):
    page = world[1][target]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        article_form(page, action="action-submit"),
    )
    return WorkflowState.objects.for_instance(page).filter(status="in_progress").exists(), response


def approve(client, world, target):
    page = world[1][target]
    state = page.get_workflow().start(page, world[0]["chief"])
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url)
    return fresh(page).live, response


def unpublish(client, world, target):
    page = world[1][target]
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    return not fresh(page).live, response


def delete(client, world, target):
    page = world[1][target]
    response = client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    return fresh(page) is None, response


def move(client, world, target):
    page = world[1][target]
    destination = get_month_folder(section=page.get_section(), when=LAST_YEAR)
    url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
    response = client.post(url)
    return Page.objects.get(pk=page.pk).get_parent().pk == destination.pk, response


ALLOW, DENY = True, False
MATRIX = [
    # reporter of the French "International" desk
    ("reporter", create, "intl", ALLOW),
    ("reporter", create, "sport", DENY),
    ("reporter", create, "world", DENY),
    ("reporter", edit, "own_draft", ALLOW),
    ("reporter", edit, "others_draft", DENY),
    ("reporter", edit, "live", DENY),
    ("reporter", edit, "sport_live", DENY),
    ("reporter", edit, "en_live", DENY),
    ("reporter", submit, "own_draft", ALLOW),
    ("reporter", publish, "own_draft", DENY),
    ("reporter", approve, "others_draft", DENY),
    ("reporter", unpublish, "live", DENY),
    ("reporter", delete, "own_draft", ALLOW),
    ("reporter", delete, "others_draft", DENY),
    ("reporter", move, "live", DENY),
    # editor of the French "International" desk
    ("editor", create, "intl", ALLOW),
    ("editor", create, "sport", DENY),
    ("editor", create, "world", DENY),
    ("editor", edit, "others_draft", ALLOW),
    ("editor", edit, "live", ALLOW),
    ("editor", edit, "sport_live", DENY),
    ("editor", edit, "en_live", DENY),
    ("editor", submit, "others_draft", ALLOW),
    ("editor", publish, "others_draft", ALLOW),
    ("editor", publish, "sport_draft", DENY),
    ("editor", approve, "others_draft", ALLOW),
    ("editor", approve, "sport_draft", DENY),
    ("editor", approve, "en_draft", DENY),
    ("editor", unpublish, "live", ALLOW),
    ("editor", unpublish, "sport_live", DENY),
    ("editor", delete, "others_draft", ALLOW),
    ("editor", delete, "sport_draft", DENY),
    ("editor", move, "live", ALLOW),
    # translator of the English edition
    ("translator", create, "world", ALLOW),
    ("translator", create, "intl", DENY),
    ("translator", edit, "en_live", ALLOW),
    ("translator", edit, "live", DENY),
    ("translator", edit, "sport_live", DENY),
    ("translator", submit, "en_draft", ALLOW),
    ("translator", publish, "en_draft", DENY),
    ("translator", approve, "en_draft", DENY),
    ("translator", unpublish, "en_live", DENY),
    ("translator", delete, "en_live", DENY),
    ("translator", move, "en_live", DENY),
    # chief editor: every desk, every edition
    ("chief", create, "intl", ALLOW),
    ("chief", create, "world", ALLOW),
    ("chief", edit, "sport_live", ALLOW),
    ("chief", edit, "en_live", ALLOW),
    ("chief", publish, "others_draft", ALLOW),
    ("chief", approve, "others_draft", ALLOW),
    ("chief", approve, "sport_draft", ALLOW),
    ("chief", unpublish, "live", ALLOW),
    ("chief", unpublish, "en_live", ALLOW),
    ("chief", delete, "live", ALLOW),
    ("chief", delete, "en_live", ALLOW),
    ("chief", move, "live", ALLOW),
    # someone who may open the admin and nothing else
    ("outsider", create, "intl", DENY),
    ("outsider", edit, "live", DENY),
    ("outsider", edit, "en_live", DENY),
    ("outsider", publish, "others_draft", DENY),
    ("outsider", submit, "others_draft", DENY),
    ("outsider", approve, "others_draft", DENY),
    ("outsider", unpublish, "live", DENY),
    ("outsider", delete, "live", DENY),
    ("outsider", move, "live", DENY),
]


@pytest.mark.parametrize(
    ("persona", "action", "target", "allowed"),
    MATRIX,
    ids=[f"{p}-{a.__name__}-{t}" for p, a, t, _ in MATRIX],
)
def test_permission_matrix(client, newsroom, persona, action, target, allowed):
    people, stories, places = newsroom
    world = (people, stories, places)
    client.force_login(people[persona])
    before = snapshot(stories)
    took_effect, response = action(client, world, target)
    assert took_effect is allowed
    if not allowed:
        # the admin's refusal: back to the dashboard (or the editor), or 403; never a 500
        assert response.status_code in (302, 403)
        if (persona, target) not in MAY_SAVE_DRAFTS:
            assert snapshot(stories) == before  # and nothing changed


# Publishing is refused to these, but they may edit the story: the publish button of the
# form they post saves a draft revision instead, as the Save button would.
MAY_SAVE_DRAFTS = {("reporter", "own_draft"), ("translator", "en_draft")}


def snapshot(stories):
    state = {}
    for name, story in stories.items():
        page = fresh(story)
        if page is not None:
            state[name] = (page.live, page.get_parent().pk, page.latest_revision_id, page.title)
    return state


def test_the_matrix_covers_at_least_sixty_cases():
    assert len(MATRIX) >= 60
