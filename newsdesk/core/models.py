from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PublisherSettings(BaseSiteSetting):
    """Who publishes the site: printed in the footer and, later, in structured data."""

    publisher_name = models.CharField(_("publisher name"), max_length=255, default="Newsdesk")
    logo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("publisher")
