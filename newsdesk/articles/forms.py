from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """The article editor's form: publishing needs every shown image to carry a credit."""

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data:
            lead = cleaned_data.get("lead_image")
            if lead is not None and not lead.credit:
                self.add_error(
                    "lead_image", _("This image has no credit: add one before publishing.")
                )
            for block in cleaned_data.get("body") or []:
                if block.block_type == "image" and not (
                    block.value["credit"] or block.value["image"].credit
                ):
                    self.add_error(
                        "body",
                        _("The image “%(title)s” has no credit: add one before publishing.")
                        % {"title": block.value["image"].title},
                    )
        return cleaned_data
