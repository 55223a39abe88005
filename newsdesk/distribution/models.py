import secrets
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def generate_secret() -> str:
    return secrets.token_hex(32)


class Event(models.TextChoices):
    """What happened to a story; sent as ``X-Newsdesk-Event``."""

    PUBLISH = "publish", _("published")
    UPDATE = "update", _("updated")
    UNPUBLISH = "unpublish", _("unpublished")


class WebhookQuerySet(models.QuerySet):
    def for_event(self, event: str, *, locale_id: int) -> "WebhookQuerySet":
        """The active webhooks that want ``event`` for a story of this edition."""
        return (
            self.filter(active=True, **{f"on_{event}": True})
            .filter(models.Q(locales=None) | models.Q(locales=locale_id))
            .distinct()
        )


class Webhook(models.Model):
    """A partner's URL that receives a signed POST of the ninjs document of every story
    published, updated or unpublished (in the editions it follows)."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The partner, for the log."))
    url = models.URLField(
        _("URL"),
        max_length=1000,
        help_text=_("Receives a POST of each story as JSON (IPTC ninjs 2.1); a public address."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=64,
        default=generate_secret,
        help_text=_(
            "Give it to the partner: every request is signed with it (X-Newsdesk-Signature)."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("editions"),
        blank=True,
        related_name="+",
        help_text=_("Only stories of these editions; none for every edition."),
    )
    on_publish = models.BooleanField(_("first publication"), default=True)
    on_update = models.BooleanField(_("update of a published story"), default=True)
    on_unpublish = models.BooleanField(_("unpublication"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = WebhookQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("active"),
        FieldPanel("locales"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("on_publish"), FieldPanel("on_update"), FieldPanel("on_unpublish")]
                )
            ],
            heading=_("Events"),
        ),
        FieldPanel("secret", read_only=True),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name


class WebhookDelivery(models.Model):
    """One attempt at sending one event to one webhook: the delivery log.

    A failed attempt schedules the next one as a new row with the same ``event_id`` (sent
    as ``X-Newsdesk-Delivery``, so a partner can tell a retry from a new event) and
    ``attempt`` + 1, due at ``next_attempt_at``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed, will retry")
        GAVE_UP = "gave_up", _("gave up")

    webhook = models.ForeignKey(
        Webhook, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.UUIDField(_("delivery id"), default=uuid.uuid4, db_index=True)
    event = models.CharField(_("event"), max_length=10, choices=Event.choices)
    # The page may be deleted later: its id and title are kept as they were.
    page_id = models.PositiveIntegerField(_("page id"), db_index=True)
    page_title = models.CharField(_("story"), max_length=255, blank=True)
    payload = models.JSONField(_("payload"), encoder=DjangoJSONEncoder)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    response_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When a pending attempt is due, or when a failed one is tried again."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    attempted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    finished_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["event_id", "attempt"], name="distribution_one_row_per_attempt"
            )
        ]

    def __str__(self):
        return f"{self.get_event_display()} #{self.page_id} → {self.webhook} ({self.attempt})"
