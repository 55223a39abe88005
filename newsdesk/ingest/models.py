import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Source(index.Indexed, models.Model):
    """An outlet whose stories we republish, translate or build on (“Selon vietnamnet.vn”).

    Articles name it in their attribution line, JSON-LD and API output. A feed source is
    polled by ``poll_sources``; a ninjs source is an agency that drops files or pushes
    items to ``/api/ingest/ninjs/`` with its token; a web source is an outlet whose pages
    editors import one by one (and which imports create when a page credits it).
    """

    class Kind(models.TextChoices):
        FEED = "feed", _("RSS/Atom feed")
        NINJS = "ninjs", _("ninjs wire (file drop or push)")
        WEB = "web", _("web pages")

    class Reuse(models.TextChoices):
        FULL = "full", _("may be republished in full")
        SUMMARY = "summary", _("summary only, with a link to the original")

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
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WEB)
    feed_url = models.URLField(_("feed URL"), max_length=1000, blank=True)
    default_section = models.ForeignKey(
        "sections.SectionPage",
        verbose_name=_("default section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where “Create draft” files its items unless the editor chooses another."),
    )
    default_locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("default edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The edition its drafts go to when no section is chosen."),
    )
    poll_interval = models.PositiveIntegerField(
        _("polling interval (minutes)"), default=15, help_text=_("For feeds: how often to poll.")
    )
    reuse = models.CharField(
        _("reuse rights"), max_length=10, choices=Reuse.choices, default=Reuse.FULL
    )
    active = models.BooleanField(_("active"), default=True)
    push_token = models.CharField(
        _("push token"),
        max_length=64,
        blank=True,
        help_text=_(
            "For ninjs sources: the agency sends it as “Authorization: Bearer <token>”. "
            "Empty it and save to issue a new one."
        ),
    )
    # Feed polling state, kept between polls for conditional GET.
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("home_url"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("feed_url"),
                FieldRowPanel([FieldPanel("poll_interval"), FieldPanel("active")]),
                FieldPanel("push_token"),
            ],
            heading=_("Ingest"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_section"), FieldPanel("default_locale"), FieldPanel("reuse")],
            heading=_("Use of its copy"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.kind == self.Kind.NINJS and not self.push_token:
            self.push_token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    def is_due(self, now=None) -> bool:
        if not (self.active and self.kind == self.Kind.FEED and self.feed_url):
            return False
        if self.last_polled_at is None:
            return True
        now = now or timezone.now()
        return self.last_polled_at + timedelta(minutes=self.poll_interval) <= now


class IngestItem(models.Model):
    """One story that arrived from outside (a feed, a wire, a web page), waiting in the
    inbox for an editor to use or discard it.

    ``key`` is the item's stable id at its origin (feed GUID, ninjs ``uri``, canonical
    URL), so importing it again updates the item instead of adding another. ``source``
    is the outlet to credit: the one that wrote it, which may differ from ``via`` (the
    feed or agency it came through) when the page itself says “Selon …”.
    """

    class Status(models.TextChoices):
        NEW = "new", _("new")
        USED = "used", _("used")
        DISCARDED = "discarded", _("discarded")
        DUPLICATE = "duplicate", _("duplicate")

    class Origin(models.TextChoices):
        FEED = "feed", _("feed")
        NINJS = "ninjs", _("ninjs wire")
        WEB = "web", _("web page")

    key = models.CharField(max_length=700, unique=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    via = models.ForeignKey(
        Source,
        verbose_name=_("received through"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forwarded_items",
    )
    original_url = models.URLField(_("original URL"), max_length=1000, blank=True)
    canonical_url = models.CharField(max_length=1000, blank=True, db_index=True)
    fetched_url = models.URLField(_("page read"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    headline = models.CharField(_("headline"), max_length=500)
    lede = models.TextField(_("lede"), blank=True)
    body_html = models.TextField(_("body"), blank=True)
    body_text = models.TextField(blank=True)
    headings = models.JSONField(default=list, blank=True)
    authors = models.JSONField(default=list, blank=True)
    images = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    modified_at = models.DateTimeField(_("modified at the source"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("draft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A 64-bit SimHash of the text, in four 16-bit bands: two texts within 3 bits share a
    # band, so near-duplicates are found through four indexed lookups.
    fingerprint = models.BigIntegerField(null=True, blank=True)
    band0 = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    band1 = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    band2 = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    band3 = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, blank=True)
    raw = models.TextField(_("payload as received"), blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("inbox item")
        verbose_name_plural = _("inbox items")

    def __str__(self):
        return self.headline


class ImportedObject(models.Model):
    """What an import made of one object of its origin (a WordPress post, page, category,
    tag, author or attachment), keyed on that object's stable id: running the import
    again, or finishing one that was killed half-way, finds it instead of making another."""

    origin = models.CharField(max_length=255)  # e.g. "wxr:https://oldsite.example"
    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=255)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["origin", "kind", "key"], name="unique_imported_object")
        ]

    def __str__(self):
        return f"{self.origin} {self.kind} {self.key}"
