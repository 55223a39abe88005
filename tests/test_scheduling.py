"""Scheduled publishing and expiry: invisible until its time, then published exactly once."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from newsdesk.articles.models import ArticlePage
from newsdesk.workflow.models import SchedulerLock
from newsdesk.workflow.scheduling import LOCK_NAME, publish_due

from .factories import ArticleFactory, ImageFactory, SectionFactory, article_form, person


@pytest.fixture
def section(homes):
    return SectionFactory(parent=homes["fr"], title="International", slug="international")


def schedule(page, *, go_live_at=None, expire_at=None):
    page.go_live_at, page.expire_at = go_live_at, expire_at
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def public_places(client, page, section):
    """What a reader sees of the story: its page, its section, its edition home, its tag,
    and the read API."""
    api = client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}).json()
    return {
        "api": page.pk in [item["id"] for item in api["items"]],
        "page": client.get(page.url or "/missing/").status_code == 200,
        "section": page.title in client.get(section.url).content.decode(),
        "home": page.title in client.get("/fr/").content.decode(),
        "tag": page.title in client.get("/fr/tags/embargo/").content.decode(),
    }


def wait_until(moment):
    """Real time passes: Wagtail's publishing compares with the clock, not with our ``now``."""
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.05)


def test_an_embargoed_story_appears_only_after_its_time(client, section):
    go_live = timezone.now() + timedelta(seconds=2)
    story = ArticleFactory(section=section, live=False, title="Sous embargo", tags=["embargo"])
    story = schedule(story, go_live_at=go_live)
    assert not story.live
    assert not any(public_places(client, story, section).values())

    assert publish_due().published == []  # not yet
    wait_until(go_live)
    report = publish_due()
    assert report.published == ["Sous embargo"]
    story.refresh_from_db()
    assert all(public_places(client, story, section).values())
    assert publish_due().published == []  # exactly once


def test_an_expiring_story_disappears_after_its_time(client, section):
    expire = timezone.now() + timedelta(seconds=2)
    story = ArticleFactory(section=section, title="Éphémère", tags=["embargo"])
    story = schedule(story, expire_at=expire)
    assert all(public_places(client, story, section).values())

    wait_until(expire)
    report = publish_due()
    assert report.unpublished == ["Éphémère"]
    story.refresh_from_db()
    assert story.expired and not story.live
    assert not any(public_places(client, story, section).values())


def test_a_second_scheduler_does_nothing_while_the_first_holds_the_lease(section):
    go_live = timezone.now() + timedelta(seconds=1)
    story = schedule(ArticleFactory(section=section, live=False), go_live_at=go_live)
    lease, _ = SchedulerLock.objects.update_or_create(
        name=LOCK_NAME, defaults={"holder": "other", "locked_until": go_live + timedelta(minutes=5)}
    )
    wait_until(go_live)
    report = publish_due()
    assert not report.ran and "Another scheduler" in str(report)
    assert not ArticlePage.objects.get(pk=story.pk).live

    # A crashed runner's lease runs out, and the next runner takes over.
    lease.locked_until = timezone.now() - timedelta(seconds=1)
    lease.save()
    assert publish_due().published == [story.title]
    assert ArticlePage.objects.get(pk=story.pk).live


def test_one_failing_item_does_not_stop_the_others(client, section):
    now = timezone.now()
    go_live = now + timedelta(seconds=1)
    bad = ArticleFactory(section=section, live=False, title="Sans crédit")
    bad.lead_image = ImageFactory(credit="")
    bad.go_live_at = go_live
    # Scheduled before the credit rule could see it (e.g. the image lost its credit since).
    Revision.objects.filter(pk=bad.save_revision().pk).update(approved_go_live_at=bad.go_live_at)
    good = schedule(ArticleFactory(section=section, live=False, title="Bonne"), go_live_at=go_live)

    wait_until(go_live)
    report = publish_due()
    assert report.published == ["Bonne"]
    assert [title for title, _error in report.failed] == ["Sans crédit"]
    assert ArticlePage.objects.get(pk=good.pk).live
    assert not ArticlePage.objects.get(pk=bad.pk).live

    chief = person("chief", "Chief editors")
    client.force_login(chief)
    Revision.objects.filter(object_id=str(bad.pk)).update(
        approved_go_live_at=now - timedelta(hours=1)
    )
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "newsdesk-overdue-content" in dashboard and "Sans crédit" in dashboard


def test_expiry_before_go_live_is_refused_with_a_clear_error(admin_client, section):
    story = ArticleFactory(section=section, live=False)
    later = timezone.localtime() + timedelta(days=2)
    earlier = later - timedelta(days=1)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        article_form(
            story,
            action="action-publish",
            go_live_at=later.strftime("%Y-%m-%d %H:%M"),
            expire_at=earlier.strftime("%Y-%m-%d %H:%M"),
        ),
    )
    assert response.status_code == 200
    assert "expire_at" in response.context["form"].errors
    story.refresh_from_db()
    assert not story.live and story.go_live_at is None


def test_a_go_live_time_in_the_past_publishes_at_once(admin_client, section):
    story = ArticleFactory(section=section, live=False)
    past = timezone.localtime() - timedelta(hours=3)
    admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        article_form(story, action="action-publish", go_live_at=past.strftime("%Y-%m-%d %H:%M")),
    )
    assert ArticlePage.objects.get(pk=story.pk).live
