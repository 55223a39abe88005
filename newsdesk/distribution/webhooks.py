"""Partner webhooks: every story published, updated or unpublished is POSTed, signed, as an
IPTC ninjs 2.1 document to each active webhook that follows its edition.

What a partner receives
-----------------------
``POST <webhook URL>`` with ``Content-Type: application/json; charset=utf-8`` and:

- the body: the story's ninjs 2.1 document (``article_to_ninjs``); for ``unpublish``, a
  short ninjs 2.1 document with the story's ``uri``, ``"pubstatus": "canceled"``,
  ``versioncreated`` (the time of withdrawal), ``type``, ``language`` and ``standard``;
- ``X-Newsdesk-Event``: ``publish`` (first publication), ``update`` (a story published
  before is published again) or ``unpublish``;
- ``X-Newsdesk-Delivery``: a UUID, the same for every attempt at one event: deduplicate on it;
- ``X-Newsdesk-Attempt``: 1, 2, …;
- ``X-Newsdesk-Timestamp``: when this attempt was sent, in whole seconds since the Unix epoch;
- ``X-Newsdesk-Signature``: ``sha256=`` followed by the lower-case hex HMAC-SHA256, keyed
  with the webhook's secret (the UTF-8 bytes of the string shown in the admin), of the
  timestamp header's value, a dot, and the raw body::

      signed = f"{timestamp}.".encode() + body
      signature = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()

  The receiver recomputes it over the body bytes as received (before parsing the JSON),
  compares in constant time, and refuses a timestamp more than five minutes away from its
  clock, so a captured request cannot be replayed later (``verify_signature`` does all this).

Delivery
--------
Each attempt is one ``WebhookDelivery`` row (the log). A 2xx answer is delivered; any
other answer, a time-out or a connection error is a failed attempt, and the next one is
scheduled ``RETRY_DELAYS`` later (30 s, 2 min, 8 min, 32 min, 2 h 8 min, then every 6 h)
up to ``MAX_ATTEMPTS``; then the delivery gives up. A URL that may never be reached (not
http(s), a private address) gives up at once. Redirects are not followed.

Attempts are sent by the ``deliver_webhook`` task; a retry is enqueued for its time when
the task backend can defer, and ``retry_due`` (run by the scheduler and by
``manage.py deliver_webhooks``) sends whatever is due and was not sent, so a retry is
never lost. Each attempt is claimed before it is sent: two workers never send it twice.
"""

import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from newsdesk.lib.fetch import FetchError, post

from .models import Event, Webhook, WebhookDelivery
from .ninjs import SCHEMA_URI, article_to_ninjs, uri_of

logger = logging.getLogger(__name__)

NINJS_VERSION = "2.1"
TIMEOUT = 10  # seconds, for the connection and for the answer
MAX_ATTEMPTS = 8
MAX_DELAY = timedelta(hours=6)
STALE_AFTER = timedelta(minutes=15)  # a claimed attempt never answered: its worker died
SIGNATURE_TOLERANCE = 300  # seconds a receiver should accept between timestamp and clock
ERROR_EXCERPT = 500  # characters of a failed answer's body kept in the log


def retry_delay(attempt: int) -> timedelta:
    """How long after failed attempt ``attempt`` (1, 2, …) the next one is made."""
    return min(timedelta(seconds=30 * 4 ** min(attempt - 1, 10)), MAX_DELAY)


# Signing.


def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """The ``X-Newsdesk-Signature`` value of ``body`` sent at ``timestamp``."""
    signed = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def verify_signature(
    *,
    secret: str,
    body: bytes,
    timestamp: str,
    signature: str,
    now: float | None = None,
    tolerance: int = SIGNATURE_TOLERANCE,
) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs((time.time() if now is None else now) - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, sent, body), signature or "")


def encode(payload: dict) -> bytes:
    return json.dumps(
        payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")
    ).encode()


# Events.


def publish_event(page) -> str:
    """``update`` when the story had been published before this publication (the rule
    that shows readers “Updated …”), else ``publish``."""
    first, last = page.first_published_at, page.last_published_at
    return Event.UPDATE if first and last and first < last else Event.PUBLISH


def canceled_document(page) -> dict:
    """The ninjs 2.1 document sent when a story is withdrawn: the ``uri`` partners had
    (``ninjs.uri_of``), ``pubstatus: canceled`` and the time of withdrawal. Built from the
    page's identity only: it may be on its way to deletion."""
    return {
        "uri": uri_of(page),
        "type": "text",
        "versioncreated": timezone.localtime().isoformat(),
        "pubstatus": "canceled",
        "language": page.locale.language_code,
        "standard": {
            "name": "ninjs",
            "version": NINJS_VERSION,
            "schema": SCHEMA_URI.format(version=NINJS_VERSION),
        },
    }


@transaction.atomic
def announce(
    *, page_id: int, locale_id: int, title: str, event: str, payload: dict
) -> list[WebhookDelivery]:
    """Queue the first attempt of ``event`` for every active webhook that wants it for
    this edition; the attempts are sent by tasks once this transaction commits."""
    now = timezone.now()
    deliveries = [
        WebhookDelivery.objects.create(
            webhook=webhook,
            event=event,
            page_id=page_id,
            page_title=title[:255],
            payload=payload,
            next_attempt_at=now,
        )
        for webhook in Webhook.objects.for_event(event, locale_id=locale_id)
    ]
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: _enqueue(pk), robust=True)
    return deliveries


def announce_publication(*, page_id: int, event: str) -> list[WebhookDelivery]:
    """``announce`` a story's publication or update with its ninjs document as it is live
    now; nothing if it is no longer live."""
    from newsdesk.articles.models import ArticlePage

    page = ArticlePage.objects.filter(pk=page_id, live=True).first()
    if page is None or not Webhook.objects.for_event(event, locale_id=page.locale_id).exists():
        return []
    return announce(
        page_id=page.pk,
        locale_id=page.locale_id,
        title=page.title,
        event=event,
        payload=article_to_ninjs(page, version=NINJS_VERSION),
    )


def _enqueue(delivery_id: int, run_after: datetime | None = None) -> None:
    from .tasks import deliver_webhook

    if run_after is None:
        deliver_webhook.enqueue(delivery_id)
    elif deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=run_after).enqueue(delivery_id)
    # Otherwise ``retry_due`` sends it when it is due.


# Delivering.


def deliver(delivery_id: int, *, now: datetime | None = None) -> WebhookDelivery | None:
    """Make the attempt ``delivery_id`` if it is pending and due, and record the outcome
    (scheduling the next attempt after a failure). ``None`` when there was nothing to do:
    not due yet, already made, or being made by another worker. ``now`` is the clock the
    schedule is read and written with (tests move it on); the signed timestamp is always
    the real time of sending."""
    now = now or timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id,
        status=WebhookDelivery.Status.PENDING,
        attempted_at=None,
        next_attempt_at__lte=now,
    ).update(attempted_at=now)
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)
    webhook = delivery.webhook
    if not webhook.active:
        return _record(delivery, now, error="the webhook was deactivated")
    body = encode(delivery.payload)
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-Newsdesk-Event": delivery.event,
        "X-Newsdesk-Delivery": str(delivery.event_id),
        "X-Newsdesk-Attempt": str(delivery.attempt),
        "X-Newsdesk-Timestamp": str(timestamp),
        "X-Newsdesk-Signature": sign(webhook.secret, timestamp, body),
    }
    try:
        status, content = post(webhook.url, body=body, headers=headers, timeout=TIMEOUT)
        answer = content.decode("utf-8", "replace").strip()[:ERROR_EXCERPT]
    except FetchError as error:
        return _record(delivery, now, error=error.reason, retryable=error.retryable)
    if 200 <= status < 300:
        return _record(delivery, now, status=status)
    error = f"HTTP {status}" + (f": {answer}" if answer else "")
    return _record(delivery, now, status=status, error=error, retryable=True)


def _record(
    delivery: WebhookDelivery,
    now: datetime,
    *,
    status: int | None = None,
    error: str = "",
    retryable: bool = False,
) -> WebhookDelivery:
    """Write the outcome of an attempt; after a retryable failure, the next attempt."""
    now = max(now, timezone.now())  # the answer came after the claim
    Status = WebhookDelivery.Status
    delivery.response_status, delivery.error, delivery.finished_at = status, error, now
    if not error:
        delivery.status, delivery.next_attempt_at = Status.DELIVERED, None
    elif retryable and delivery.attempt < MAX_ATTEMPTS:
        delivery.status = Status.FAILED
        delivery.next_attempt_at = now + retry_delay(delivery.attempt)
    else:
        delivery.status, delivery.next_attempt_at = Status.GAVE_UP, None
    with transaction.atomic():
        delivery.save()
        if delivery.status == Status.FAILED:
            retry = WebhookDelivery.objects.create(
                webhook_id=delivery.webhook_id,
                event_id=delivery.event_id,
                event=delivery.event,
                page_id=delivery.page_id,
                page_title=delivery.page_title,
                payload=delivery.payload,
                attempt=delivery.attempt + 1,
                next_attempt_at=delivery.next_attempt_at,
            )
            transaction.on_commit(
                lambda: _enqueue(retry.pk, run_after=retry.next_attempt_at), robust=True
            )
    if delivery.status != Status.DELIVERED:
        logger.warning(
            "Webhook %s, %s of page %s, attempt %s: %s (%s)",
            delivery.webhook,
            delivery.event,
            delivery.page_id,
            delivery.attempt,
            error,
            delivery.get_status_display(),
        )
    return delivery


@dataclass
class RetryReport:
    counts: dict = field(default_factory=dict)  # status -> attempts made

    def __str__(self):
        made = sum(self.counts.values())
        details = ", ".join(f"{n} {status}" for status, n in sorted(self.counts.items()))
        return f"Webhooks: {made} attempt(s) sent ({details})." if made else "Webhooks: none due."


def retry_due(*, now: datetime | None = None, budget: float = 30.0) -> RetryReport:
    """Send every attempt that is due and was not sent (retries a backend could not
    defer, tasks lost with their worker), oldest first, for at most ``budget`` seconds."""
    now = now or timezone.now()
    pending = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING)
    pending.filter(attempted_at__lt=now - STALE_AFTER).update(attempted_at=None)
    due = pending.filter(attempted_at=None, next_attempt_at__lte=now).order_by("next_attempt_at")
    report, deadline = RetryReport(), time.monotonic() + budget
    for delivery_id in due.values_list("pk", flat=True):
        if time.monotonic() > deadline:
            break
        delivery = deliver(delivery_id, now=now)
        if delivery is not None:
            report.counts[delivery.status] = report.counts.get(delivery.status, 0) + 1
    return report
