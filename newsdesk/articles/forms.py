from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import images_missing_credit


class ArticlePageForm(WagtailAdminPageForm):
    """The article editor's form: publishing needs every shown image to carry a credit."""

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data:
            lead_image, body = cleaned_data.get("lead_image"), cleaned_data.get("body")
            for field, title in images_missing_credit(lead_image, body):
                message = _("The image “%(title)s” has no credit: add one before publishing.")
                self.add_error(field, message % {"title": title})
        return cleaned_data
