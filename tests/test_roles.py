"""The newsroom's roles exist on every database and follow the page tree."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, WorkflowPage

from newsdesk.workflow.models import DeskGroup
from newsdesk.workflow.services import sync_roles

from .factories import ArticleFactory, ImageFactory, SectionFactory, person


def test_roles_exist_after_migrate(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Reporters", "Translators", "Editors", "Chief editors", "Administrators"} <= names
    assert "Moderators" not in names  # Wagtail's starter group could publish anywhere


def test_every_edition_uses_the_desk_review_workflow(homes):
    for home in homes.values():
        assert WorkflowPage.objects.get(page_id=home.pk).workflow.name == "Desk review"


def test_a_new_top_level_section_becomes_a_desk(homes):
    section = SectionFactory(parent=homes["vi"], title="Thể thao")
    roles = set(DeskGroup.objects.filter(page=section).values_list("role", flat=True))
    assert roles == {"reporter", "editor"}
    editors = DeskGroup.objects.get(page=section, role="editor").group
    assert editors.name == "VI Thể thao — Editors"
    granted = set(
        GroupPagePermission.objects.filter(group=editors, page=section).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    sub = SectionFactory(parent=section, title="Bóng đá")  # sub-sections belong to their desk
    assert not DeskGroup.objects.filter(page=sub).exists()


def test_sync_roles_is_idempotent_and_follows_renames(homes, capsys):
    section = SectionFactory(parent=homes["fr"], title="Sport")
    first = sync_roles()
    assert sync_roles() == first
    section.title = "Sports"
    section.save()
    call_command("sync_roles")
    assert (
        DeskGroup.objects.get(page=section, role="reporter").group.name == "FR Sports — Reporters"
    )
    assert "groups:" in capsys.readouterr().out
    assert sync_roles()["groups"] == first["groups"]


def test_a_story_with_an_uncredited_image_can_only_be_sent_back(homes):
    chief = person("chief", "Chief editors")
    section = SectionFactory(parent=homes["fr"], title="Monde")
    story = ArticleFactory(section=section, live=False, lead_image=ImageFactory(credit=""))
    state = story.get_workflow().start(story, chief)
    actions = state.current_task_state.task.specific.get_actions(story, chief)
    assert [name for name, _label, _modal in actions] == ["reject"]
