from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import images_missing_credit


class ArticlePageForm(WagtailAdminPageForm):
    """The article editor's form: publishing needs every shown image to carry a credit.

    ``ArticlePage.publish`` enforces the rule on every path; the form says it next to the
    field, before anything is saved."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_publishing():
            lead_image, body = cleaned_data.get("lead_image"), cleaned_data.get("body")
            for field, title in images_missing_credit(lead_image, body):
                message = _("The image “%(title)s” has no credit: add one before publishing.")
                self.add_error(field, message % {"title": title})
        return cleaned_data

    def is_publishing(self) -> bool:
        """Publish, or approve a workflow task (approval publishes the story)."""
        return "action-publish" in self.data or (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )
