"""Keep desks in step with the page tree: a new top-level section becomes a desk."""

from django.db.models.signals import post_migrate, post_save


def create_desk_for_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.depth == 3:
        from .services import sync_desk

        sync_desk(instance)


def sync_roles_after_migrate(sender, app_config=None, using="default", **kwargs):
    # Permissions only exist once every app has migrated, so roles are synchronised here
    # (after the last app) rather than in a data migration.
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if app_config is None or app_config.label != last.label:
        return
    from .services import sync_roles

    sync_roles()


def register():
    from newsdesk.sections.models import SectionPage

    post_save.connect(create_desk_for_new_section, sender=SectionPage)
    post_migrate.connect(sync_roles_after_migrate)
