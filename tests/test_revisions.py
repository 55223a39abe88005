"""Every save is a revision; any two compare; an old one can be restored."""

import pytest
from django.urls import reverse

from newsdesk.articles.models import ArticlePage

from .factories import ArticleFactory, SectionFactory, article_form


@pytest.fixture
def story(homes):
    return ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Monde"), live=False)


def test_saves_are_revisions_that_compare_and_restore(admin_client, story):
    edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    first = story.latest_revision_id
    admin_client.post(edit, article_form(story, title="Deuxième titre"))
    admin_client.post(edit, article_form(story, title="Troisième titre"))
    revisions = list(story.revisions.order_by("created_at").values_list("pk", flat=True))
    assert len(revisions) == 3 and revisions[0] == first

    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=(story.pk, revisions[0], revisions[2])
    )
    response = admin_client.get(compare)
    assert response.status_code == 200
    assert "Troisième titre" in response.content.decode()

    # Restoring: open the old revision in the editor and save it as the newest one.
    revert = reverse("wagtailadmin_pages:revisions_revert", args=(story.pk, revisions[0]))
    assert admin_client.get(revert).status_code == 200
    old = story.revisions.get(pk=revisions[0]).as_object()
    admin_client.post(revert, article_form(old, title=old.title))
    page = ArticlePage.objects.get(pk=story.pk)
    assert page.get_latest_revision_as_object().title == old.title
    assert page.revisions.count() == 4
