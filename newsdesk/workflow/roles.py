"""The newsroom's roles, declared once: ``sync_roles`` makes the groups match this."""

from dataclasses import dataclass, field

ACCESS_ADMIN = "wagtailadmin.access_admin"
DESK_REVIEW_WORKFLOW = "Desk review"
DESK_REVIEW_TASK = "Desk editor approval"


@dataclass(frozen=True)
class Role:
    group: str
    # "app_label.codename" model permissions, held everywhere
    permissions: tuple[str, ...] = ()
    # collection permissions on the root collection (images, documents)
    image_permissions: tuple[str, ...] = ()
    # page permissions ("add", "change", "publish", …) held on every edition home page
    edition_page_permissions: tuple[str, ...] = ()
    reviews: bool = False
    extra: dict = field(default_factory=dict)


SNIPPETS_VIEW = ("authors.view_author", "ingest.view_source")
SNIPPETS_EDIT = SNIPPETS_VIEW + (
    "authors.add_author",
    "authors.change_author",
    "ingest.add_source",
    "ingest.change_source",
)
SNIPPETS_DELETE = ("authors.delete_author", "ingest.delete_source")
# The ingest inbox: read it, import a page into it, make drafts of its items, discard them.
INBOX_USE = ("ingest.view_ingestitem", "ingest.add_ingestitem", "ingest.change_ingestitem")
INBOX_DELETE = ("ingest.delete_ingestitem",)
# Start a translation into another edition, and sync translations when the source changed.
TRANSLATE = "wagtail_localize.submit_translation"

ROLES = {
    "reporter": Role(
        group="Reporters",
        permissions=(ACCESS_ADMIN, *SNIPPETS_VIEW, *INBOX_USE),
        image_permissions=("add_image", "choose_image"),
    ),
    "translator": Role(
        group="Translators",
        permissions=(ACCESS_ADMIN, TRANSLATE, *SNIPPETS_VIEW),
        image_permissions=("choose_image",),
    ),
    "editor": Role(
        group="Editors",
        permissions=(ACCESS_ADMIN, TRANSLATE, *SNIPPETS_EDIT, *INBOX_USE),
        image_permissions=("add_image", "change_image", "choose_image"),
        reviews=True,
    ),
    "chief": Role(
        group="Chief editors",
        permissions=(
            ACCESS_ADMIN,
            TRANSLATE,
            *SNIPPETS_EDIT,
            *SNIPPETS_DELETE,
            *INBOX_USE,
            *INBOX_DELETE,
        ),
        image_permissions=("add_image", "change_image", "delete_image", "choose_image"),
        edition_page_permissions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
        reviews=True,
    ),
    "administrator": Role(
        group="Administrators",
        permissions=("*",),  # every permission of every model
        image_permissions=("add_image", "change_image", "delete_image", "choose_image"),
        edition_page_permissions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    ),
}

# Page permissions of the per-desk (top-level section) and per-edition groups.
DESK_PAGE_PERMISSIONS = {
    "reporter": ("add",),
    "editor": ("add", "change", "publish", "lock", "unlock"),
}
EDITION_PAGE_PERMISSIONS = {
    "translator": ("add", "change"),
}
