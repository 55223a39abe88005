"""Keep the newsroom's groups, desk permissions and review workflow in step with the roles
declared in ``roles.py`` and with the page tree. Idempotent: run it as often as you like."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from newsdesk.editions.models import HomePage
from newsdesk.sections.models import SectionPage

from .models import DeskGroup, DeskReviewTask, DeskRole
from .roles import (
    DESK_PAGE_PERMISSIONS,
    DESK_REVIEW_TASK,
    DESK_REVIEW_WORKFLOW,
    EDITION_PAGE_PERMISSIONS,
    ROLES,
)

# Group names are data, not interface text: the same in every language.
GROUP_SUFFIX = {
    DeskRole.REPORTER: "Reporters",
    DeskRole.EDITOR: "Editors",
    DeskRole.TRANSLATOR: "Translators",
}


def _model_permissions(names):
    if "*" in names:
        return list(Permission.objects.all())
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _page_permissions(short_names):
    return [
        Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{name}_page")
        for name in short_names
    ]


def _grant_pages(group, page, short_names):
    wanted = set(_page_permissions(short_names))
    current = GroupPagePermission.objects.filter(group=group, page=page)
    current.exclude(permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _desk_group(page, role: str, label: str) -> Group:
    desk = DeskGroup.objects.filter(page=page, role=role).select_related("group").first()
    name = f"{label} — {GROUP_SUFFIX[role]}"
    if desk is None:
        group, _ = Group.objects.get_or_create(name=name)
        DeskGroup.objects.create(group=group, page=page, role=role)
        return group
    if desk.group.name != name:  # the section was renamed: follow it
        desk.group.name = name
        desk.group.save(update_fields=["name"])
    return desk.group


def sync_desk(section: SectionPage) -> None:
    """Reporter and editor groups for one desk (a top-level section)."""
    label = f"{section.locale.language_code.upper()} {section.title}"
    for role, permissions in DESK_PAGE_PERMISSIONS.items():
        _grant_pages(_desk_group(section, role, label), section, permissions)


@transaction.atomic
def sync_roles() -> dict[str, int]:
    """Create or update every role group, desk group and the desk review workflow."""
    root_collection = Collection.get_first_root_node()
    homes = list(HomePage.objects.select_related("locale"))
    reviewers = []
    for role in ROLES.values():
        group, _ = Group.objects.get_or_create(name=role.group)
        group.permissions.set(_model_permissions(role.permissions))
        images = Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=role.image_permissions
        )
        GroupCollectionPermission.objects.filter(group=group).exclude(
            permission__in=images
        ).delete()
        for permission in images:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        # Role groups hold page permissions on edition homes only (Wagtail's initial
        # "Editors" group starts with some on the tree root: those go).
        GroupPagePermission.objects.filter(group=group).exclude(page__in=homes).delete()
        for home in homes:
            _grant_pages(group, home, role.edition_page_permissions)
        if role.reviews:
            reviewers.append(group)

    for home in homes:
        for role, permissions in EDITION_PAGE_PERMISSIONS.items():
            label = f"{home.locale.language_code.upper()} edition"
            _grant_pages(_desk_group(home, role, label), home, permissions)
    desks = SectionPage.objects.filter(depth=3).select_related("locale")
    for section in desks:
        sync_desk(section)

    # Wagtail's starter "Moderators" group may publish anything anywhere: unused, it goes.
    Group.objects.filter(name="Moderators", user__isnull=True, desk__isnull=True).delete()

    task = DeskReviewTask.objects.filter(name=DESK_REVIEW_TASK).first()
    if task is None:
        task = DeskReviewTask.objects.create(name=DESK_REVIEW_TASK)
    task.groups.set(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=DESK_REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(
            page=Page.objects.get(pk=home.pk), defaults={"workflow": workflow}
        )
    return {
        "roles": len(ROLES),
        "desks": desks.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
    }
