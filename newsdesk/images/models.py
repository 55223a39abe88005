from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    """A photo in the media library, with what a newspaper prints beside it.

    Alt text describes the picture for readers who cannot see it; the caption says what it
    shows; the credit names who made it. An article cannot be published with an image that
    has no credit.
    """

    alt_text = models.CharField(
        _("alt text"),
        max_length=400,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or agency, e.g. “Photo: X/@ZelenskyyUa”. Required to publish."),
    )

    admin_form_fields = Image.admin_form_fields + ("alt_text", "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.alt_text or self.caption or self.title


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
