"""A chief editor shares a draft's preview with someone outside; the link expires."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.workflow.models import PreviewLink

from .factories import ArticleFactory, SectionFactory, person


@pytest.fixture
def draft(homes):
    section = SectionFactory(parent=homes["fr"], title="International")
    return ArticleFactory(section=section, live=False, title="Exclusif : l'accord du Mékong")


def test_a_shared_preview_shows_the_draft_until_it_expires(client, draft):
    chief = person("chief", "Chief editors")
    client.force_login(chief)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).content.decode()
    assert reverse("share_preview", args=(draft.pk,)) in edit  # the button is there

    response = client.post(reverse("share_preview", args=(draft.pk,)))
    assert response.status_code == 302
    link = PreviewLink.objects.get(page=draft)
    assert link.expires_at > timezone.now() + timedelta(hours=47)

    client.logout()
    shared = client.get(reverse("preview_link", args=(link.token,)))
    assert shared.status_code == 200
    assert "Exclusif : l'accord du Mékong" in shared.content.decode()
    assert shared["X-Robots-Tag"] == "noindex, nofollow"

    PreviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("preview_link", args=(link.token,))).status_code == 410
    assert client.get(reverse("preview_link", args=("guessed-token",))).status_code == 410


def test_a_reporter_cannot_share_a_preview(client, draft):
    reporter = person("reporter", "Reporters", desks=[(draft.get_section(), "reporter")])
    client.force_login(reporter)
    response = client.post(reverse("share_preview", args=(draft.pk,)))
    assert response.status_code in (302, 403)
    assert not PreviewLink.objects.exists()
