from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Source(index.Indexed, models.Model):
    """An outlet whose stories we republish, translate or build on (“Selon vietnamnet.vn”).

    Articles name it in their attribution line, JSON-LD and API output; the ingest
    pipeline will poll it for new copy.
    """

    name = models.CharField(_("outlet name"), max_length=255, unique=True)
    home_url = models.URLField(_("home page"), blank=True)
    logo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("home_url"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name
