from anyascii import anyascii
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Author(TranslatableMixin, index.Indexed, models.Model):
    """A journalist credited in bylines, with a profile page per edition
    (``/<lang>/authors/<slug>/``).

    Translatable: each edition has its own version of the profile (job title and biography
    in its language) sharing one translation key, so a byline in any edition finds the
    person's stories in that edition.
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255)
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_author_slug_per_edition"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(anyascii(self.name))
        super().save(*args, **kwargs)

    def get_url(self, language_code: str | None = None) -> str:
        with translation.override(language_code or self.locale.language_code):
            return reverse("author", kwargs={"slug": self.slug})
