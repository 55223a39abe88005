from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState


class DeskRole(models.TextChoices):
    REPORTER = "reporter", _("Reporters")
    EDITOR = "editor", _("Editors")
    TRANSLATOR = "translator", _("Translators")


class DeskGroup(models.Model):
    """The group that holds one role's page permissions on one desk (a top-level section)
    or, for translators, on one edition. ``sync_roles`` keeps these groups and their
    permissions in step with the page tree; people are added to them in the admin."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="desk")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="desk_groups")
    role = models.CharField(max_length=20, choices=DeskRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "role"], name="one_group_per_desk_role")
        ]

    def __str__(self):
        return self.group.name


class DeskReviewTask(AbstractGroupApprovalTask):
    """Review by an editor of the story's own desk (or a chief editor).

    Wagtail's group approval lets any member of the chosen groups approve anything; a
    newsroom needs the approver to hold publish permission on the story itself, so the
    editor of the French “International” desk cannot approve the English “Sport” desk.
    """

    def _can_review(self, obj, user) -> bool:
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        page = obj.specific if isinstance(obj, Page) else obj
        return page.permissions_for_user(user).can_publish()

    def user_can_access_editor(self, obj, user):
        return self._can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._can_review(obj, user)

    def get_actions(self, obj, user):
        if not self._can_review(obj, user):
            return []
        revision = obj.get_latest_revision()
        story = revision.as_object() if revision else obj
        if hasattr(story, "images_missing_credit") and story.images_missing_credit():
            # Approval publishes, and a story with an uncredited image may not go live.
            return [("reject", _("Request changes (an image has no credit)"), True)]
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        reviewable = [
            state.pk
            for state in states.select_related("workflow_state")
            if self._can_review(Page.objects.get(pk=state.workflow_state.object_id), user)
        ]
        return TaskState.objects.filter(pk__in=reviewable)

    @classmethod
    def get_description(cls):
        return _("Editors of the story's desk and chief editors approve or request changes")

    class Meta:
        verbose_name = _("desk review")
        verbose_name_plural = _("desk reviews")


class SchedulerLock(models.Model):
    """A lease that lets one scheduler at a time publish and unpublish what is due.

    Taken with a single conditional UPDATE (atomic on every database), held for a short
    lease, and given back at the end of a run; a crashed runner's lease simply runs out.
    """

    name = models.CharField(max_length=50, primary_key=True)
    holder = models.CharField(max_length=64, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name


class PreviewLink(models.Model):
    """A secret address that shows one revision of a draft to someone outside the newsroom
    (a source checking a quote, a partner under embargo) until it expires."""

    token = models.CharField(max_length=64, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="preview_links")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        "users.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page} until {self.expires_at:%Y-%m-%d %H:%M}"
