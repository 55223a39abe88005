"""Partner webhooks: a story published, updated or unpublished reaches each partner's URL as a
signed POST of its ninjs document; a receiver that fails is tried again with back-off
until it answers, and every attempt is in the admin's delivery log.

The partners are a local HTTP receiver (``local_server``): the network boundary is real."""

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles.models import ArticlePage
from newsdesk.distribution import webhooks
from newsdesk.distribution.models import Webhook, WebhookDelivery
from newsdesk.distribution.ninjs import article_to_ninjs, uri_of
from newsdesk.ingest.sources.ninjs import validate
from tests.factories import ArticleFactory, SectionFactory
from tests.local_server import Reply

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status
NINJS_21 = "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"


@pytest.fixture
def ninjs():
    """The ninjs document of a story as it is live now."""
    return lambda page: article_to_ninjs(ArticlePage.objects.get(pk=page.pk), version="2.1")


@pytest.fixture
def receiver(local_server, settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True  # the receiver is on 127.0.0.1
    local_server.route("/hook", status=204)
    return local_server


@pytest.fixture
def partner(receiver):
    return Webhook.objects.create(name="Courrier du Mékong", url=receiver.url("/hook"))


@pytest.fixture
def international(homes):
    return SectionFactory(parent=homes["fr"], title="International")


@pytest.fixture
def story(international):
    """A story written but not yet published."""
    return ArticleFactory(section=international, live=False)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish the latest revision as an editor does, and let what follows commit run."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return publish


@pytest.fixture
def unpublish(django_capture_on_commit_callbacks):
    def unpublish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()

    return unpublish


def later(**delta):
    return timezone.now() + timedelta(**delta)


def test_publishing_a_story_sends_one_signed_post_of_its_ninjs(
    partner, receiver, story, publish, ninjs
):
    publish(story)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert request.headers["X-Newsdesk-Event"] == "publish"
    assert request.headers["X-Newsdesk-Attempt"] == "1"
    document = json.loads(request.body)
    assert document == ninjs(story)
    assert document["uri"] == uri_of(story) and document["pubstatus"] == "usable"

    timestamp, signature = (
        request.headers["X-Newsdesk-Timestamp"],
        request.headers["X-Newsdesk-Signature"],
    )
    assert signature.startswith("sha256=")
    assert webhooks.verify_signature(
        secret=partner.secret, body=request.body, timestamp=timestamp, signature=signature
    )
    # Anything else does not verify: another secret, another body, a replayed timestamp.
    assert len(partner.secret) == 64 and partner.secret != Webhook().secret
    assert not webhooks.verify_signature(
        secret=Webhook().secret, body=request.body, timestamp=timestamp, signature=signature
    )
    assert not webhooks.verify_signature(
        secret=partner.secret, body=request.body + b" ", timestamp=timestamp, signature=signature
    )
    assert not webhooks.verify_signature(
        secret=partner.secret,
        body=request.body,
        timestamp=timestamp,
        signature=signature,
        now=int(timestamp) + 600,
    )

    delivery = WebhookDelivery.objects.get()
    assert str(delivery.event_id) == request.headers["X-Newsdesk-Delivery"]
    assert (delivery.event, delivery.attempt, delivery.status, delivery.response_status) == (
        "publish",
        1,
        Status.DELIVERED,
        204,
    )
    assert delivery.page_id == story.pk and delivery.next_attempt_at is None


def test_the_signature_covers_the_timestamp_and_the_raw_body():
    """The documented scheme, computed by hand as a partner would."""
    body = b'{"uri":"urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"text"}'
    expected = hmac.new(b"s3cret", b"1741428000." + body, hashlib.sha256).hexdigest()
    assert webhooks.sign("s3cret", 1741428000, body) == f"sha256={expected}"


def test_republishing_is_an_update_and_unpublishing_cancels_the_story(
    partner, receiver, story, publish, unpublish, ninjs
):
    publish(story)
    uri = json.loads(receiver.requests[0].body)["uri"]
    story.refresh_from_db()
    story.lede = "Washington confirme."
    publish(story)
    story.refresh_from_db()
    updated = ninjs(story)
    unpublish(story)

    events = [request.headers["X-Newsdesk-Event"] for request in receiver.requests]
    assert events == ["publish", "update", "unpublish"]
    assert json.loads(receiver.requests[1].body) == updated  # with its update time
    assert updated["uri"] == uri and updated["descriptions"][0]["value"] == "Washington confirme."
    canceled = json.loads(receiver.requests[2].body)
    assert canceled["uri"] == uri
    assert canceled["pubstatus"] == "canceled"
    assert validate({"$schema": NINJS_21, **canceled}) == "2.1"
    # One event, one delivery id; each event its own.
    assert len({request.headers["X-Newsdesk-Delivery"] for request in receiver.requests}) == 3
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {Status.DELIVERED}


def test_deleting_a_live_story_cancels_it(
    partner, receiver, story, publish, django_capture_on_commit_callbacks
):
    publish(story)
    uri = uri_of(story)
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=story.pk).delete()

    canceled = json.loads(receiver.requests[-1].body)
    assert receiver.requests[-1].headers["X-Newsdesk-Event"] == "unpublish"
    assert (canceled["uri"], canceled["pubstatus"]) == (uri, "canceled")
    assert WebhookDelivery.objects.filter(event="unpublish", page_id=story.pk).exists()


def test_a_partner_gets_only_the_events_it_asked_for(receiver, story, publish, unpublish):
    Webhook.objects.create(name="Agrégateur", url=receiver.url("/hook"), on_update=False)
    publish(story)
    story.refresh_from_db()
    publish(story)
    story.refresh_from_db()
    unpublish(story)

    events = [request.headers["X-Newsdesk-Event"] for request in receiver.requests]
    assert events == ["publish", "unpublish"]


def test_a_receiver_that_fails_twice_gets_the_story_once_after_two_retries(
    partner, receiver, story, publish
):
    answers = iter([Reply(500, "down for maintenance"), Reply(502), Reply(200, "ok")])
    receiver.route("/hook", lambda request: next(answers))

    publish(story)
    assert webhooks.retry_due().counts == {}  # the retry is not due yet
    first = webhooks.retry_due(now=later(seconds=31))
    second = webhooks.retry_due(now=later(minutes=3))
    assert webhooks.retry_due(now=later(days=2)).counts == {}  # nothing more to send

    assert (first.counts, second.counts) == ({Status.FAILED: 1}, {Status.DELIVERED: 1})
    assert receiver.hits["/hook"] == 3
    attempts = [request.headers["X-Newsdesk-Attempt"] for request in receiver.requests]
    assert attempts == ["1", "2", "3"]
    assert len({request.headers["X-Newsdesk-Delivery"] for request in receiver.requests}) == 1
    bodies = {request.body for request in receiver.requests}
    assert len(bodies) == 1  # the same document every time, freshly signed
    for request in receiver.requests:
        assert webhooks.verify_signature(
            secret=partner.secret,
            body=request.body,
            timestamp=request.headers["X-Newsdesk-Timestamp"],
            signature=request.headers["X-Newsdesk-Signature"],
        )

    log = list(WebhookDelivery.objects.order_by("attempt"))
    assert [(d.attempt, d.status, d.response_status) for d in log] == [
        (1, Status.FAILED, 500),
        (2, Status.FAILED, 502),
        (3, Status.DELIVERED, 200),
    ]
    assert log[0].error == "HTTP 500: down for maintenance"
    assert WebhookDelivery.objects.filter(status=Status.DELIVERED).count() == 1
    # Exponential back-off: 30 s after the first failure, 2 min after the second.
    assert log[1].next_attempt_at - log[0].next_attempt_at >= timedelta(seconds=90)
    assert webhooks.retry_delay(1) == timedelta(seconds=30)
    assert webhooks.retry_delay(2) == timedelta(minutes=2)
    assert webhooks.retry_delay(3) == timedelta(minutes=8)
    assert webhooks.retry_delay(20) == webhooks.MAX_DELAY


def test_an_attempt_is_made_once_however_often_it_is_asked_for(partner, receiver, story):
    story.save_revision().publish()  # no commit in this test: nothing sent yet
    [delivery] = webhooks.announce(
        page_id=story.pk, locale_id=story.locale_id, title=story.title, event="publish",
        payload={"uri": "https://newsdesk.example/ninjs/1"},
    )  # fmt: skip

    assert webhooks.deliver(delivery.pk).status == Status.DELIVERED
    assert webhooks.deliver(delivery.pk) is None
    assert webhooks.retry_due(now=later(days=1)).counts == {}
    assert receiver.hits["/hook"] == 1


def test_a_delivery_gives_up_after_the_last_attempt(partner, receiver, story, publish, monkeypatch):
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 3)
    receiver.route("/hook", status=503)

    publish(story)
    for hours in (1, 2, 3, 4):
        webhooks.retry_due(now=later(hours=hours))

    assert receiver.hits["/hook"] == 3
    statuses = list(WebhookDelivery.objects.order_by("attempt").values_list("status", flat=True))
    assert statuses == [Status.FAILED, Status.FAILED, Status.GAVE_UP]


def test_an_inactive_webhook_gets_nothing(partner, receiver, story, publish):
    Webhook.objects.create(name="Ancien partenaire", url=receiver.url("/old"), active=False)

    publish(story)

    assert receiver.hits == {"/hook": 1}
    assert WebhookDelivery.objects.filter(webhook__active=False).count() == 0


def test_a_webhook_deactivated_while_retrying_stops(partner, receiver, story, publish):
    receiver.route("/hook", status=500)
    publish(story)
    Webhook.objects.update(active=False)

    webhooks.retry_due(now=later(hours=1))

    assert receiver.hits["/hook"] == 1
    assert WebhookDelivery.objects.order_by("-attempt").first().status == Status.GAVE_UP


def test_a_webhook_limited_to_an_edition_gets_only_its_stories(
    receiver, homes, locales, story, publish
):
    english = Webhook.objects.create(name="Mekong Herald", url=receiver.url("/en"))
    english.locales.set([locales["en"]])
    receiver.route("/en", status=200)
    world = ArticleFactory(section=SectionFactory(parent=homes["en"], title="World"), live=False)

    publish(story)  # French
    publish(world)

    assert receiver.hits == {"/en": 1}
    assert WebhookDelivery.objects.get().page_id == world.pk


def test_a_story_scheduled_for_later_is_sent_when_it_goes_live(partner, receiver, story, publish):
    story.go_live_at = later(days=1)
    publish(story)

    assert receiver.requests == [] and not WebhookDelivery.objects.exists()


def test_a_private_address_is_refused_unless_allowed(partner, receiver, story, publish, settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = False

    publish(story)
    webhooks.retry_due(now=later(days=1))

    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()  # no retry: it would be refused again
    assert delivery.status == Status.GAVE_UP
    assert "non-public address" in delivery.error


def test_a_receiver_that_redirects_is_not_followed(partner, receiver, story, publish):
    receiver.redirect("/hook", "/elsewhere")
    receiver.route("/elsewhere", status=200)

    publish(story)

    assert receiver.hits == {"/hook": 1}
    assert WebhookDelivery.objects.get(attempt=1).status == Status.FAILED


def test_the_admin_delivery_log_shows_every_attempt(
    admin_client, partner, receiver, story, publish
):
    answers = iter([Reply(500), Reply(500), Reply(200)])
    receiver.route("/hook", lambda request: next(answers))
    publish(story)
    webhooks.retry_due(now=later(minutes=1))
    webhooks.retry_due(now=later(minutes=5))

    index = reverse("webhook_deliveries:index")
    page = admin_client.get(index)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count(story.title) == 3
    assert html.count("HTTP 500") == 2
    assert "Courrier du Mékong" in html
    delivered = admin_client.get(index, {"status": "delivered"}).content.decode()
    assert delivered.count(story.title) == 1
    by_webhook = admin_client.get(index, {"webhook": partner.pk}).content.decode()
    assert by_webhook.count(story.title) == 3

    attempt = WebhookDelivery.objects.get(attempt=3)
    detail = admin_client.get(reverse("webhook_deliveries:inspect", args=[attempt.pk]))
    assert detail.status_code == 200
    assert str(attempt.event_id) in detail.content.decode()
    # The log is read-only.
    assert admin_client.get(f"{index}new/", follow=True).status_code == 404
    assert admin_client.get(f"{index}edit/{attempt.pk}/", follow=True).status_code == 404
    assert "Add webhook delivery" not in html


def test_an_admin_registers_a_webhook_and_gets_its_secret(admin_client, locales):
    response = admin_client.post(
        reverse("webhook:add"),
        {
            "name": "Mekong Herald",
            "url": "https://partner.example/newsdesk",
            "active": "on",
            "locales": [locales["en"].pk],
            "on_publish": "on",
            "on_unpublish": "on",
        },
    )

    assert response.status_code == 302
    webhook = Webhook.objects.get()
    assert (webhook.on_publish, webhook.on_update, webhook.on_unpublish) == (True, False, True)
    assert list(webhook.locales.all()) == [locales["en"]]
    assert len(webhook.secret) == 64
    shown = admin_client.get(reverse("webhook:inspect", args=[webhook.pk])).content.decode()
    assert webhook.secret in shown


def test_with_a_queue_that_can_wait_the_worker_sends_and_retries_at_the_right_time(
    partner, receiver, story, settings, django_capture_on_commit_callbacks
):
    """In production the request only enqueues; the worker builds the document, sends it,
    and enqueues the retry for its time."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    receiver.route("/hook", status=500)

    def queued(name):
        return [result for result in default_task_backend.results if result.task.name == name]

    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    [announce] = queued("announce_page_event")
    assert list(announce.args) == [story.pk, "publish"]
    assert receiver.requests == [] and queued("deliver_webhook") == []

    with django_capture_on_commit_callbacks(execute=True):
        announce.task.call(*announce.args)
    [first] = queued("deliver_webhook")
    assert first.task.run_after is None
    with django_capture_on_commit_callbacks(execute=True):
        first.task.call(*first.args)

    [_first, retry] = queued("deliver_webhook")
    assert receiver.hits["/hook"] == 1
    due = WebhookDelivery.objects.get(attempt=2, status=Status.PENDING)
    assert list(retry.args) == [due.pk] and retry.task.run_after == due.next_attempt_at


def test_the_deliver_webhooks_command_sends_what_is_due(partner, receiver, story, publish):
    from io import StringIO

    from django.core.management import call_command

    answers = iter([Reply(500), Reply(200)])
    receiver.route("/hook", lambda request: next(answers))
    publish(story)
    WebhookDelivery.objects.filter(status=Status.PENDING).update(next_attempt_at=timezone.now())

    out = StringIO()
    call_command("deliver_webhooks", stdout=out)

    assert out.getvalue().strip() == "Webhooks: 1 attempt(s) sent (1 delivered)."
    assert receiver.hits["/hook"] == 2
