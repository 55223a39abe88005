"""Two editors open the same story: the later save on an older version is refused."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from newsdesk.articles.models import ArticlePage

from .factories import ArticleFactory, SectionFactory, article_form


@pytest.fixture
def story(homes):
    return ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Monde"), live=False)


def open_editor(client, page):
    """What the editor's browser holds after opening the edit form."""
    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content, "html.parser"
    )
    return {
        name: soup.find("input", attrs={"name": name})["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, page, loaded, title):
    data = {**article_form(page, title=title), **loaded}
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def test_saving_over_a_newer_revision_is_refused_with_a_compare_link(
    client, django_user_model, story
):
    anna = django_user_model.objects.create_superuser("anna", password="pw")
    binh = django_user_model.objects.create_superuser("binh", password="pw")
    client.force_login(anna)
    anna_loaded = open_editor(client, story)
    client.force_login(binh)
    binh_loaded = open_editor(client, story)

    assert save(client, story, binh_loaded, "Titre de Binh").status_code == 302
    binh_revision = ArticlePage.objects.get(pk=story.pk).latest_revision_id

    client.force_login(anna)
    response = save(client, story, anna_loaded, "Titre d'Anna")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(story.pk,))
    page = ArticlePage.objects.get(pk=story.pk)
    assert page.latest_revision_id == binh_revision  # nothing of Anna's was written
    assert page.get_latest_revision_as_object().title == "Titre de Binh"
    message = [m for m in get_messages(response.wsgi_request)][-1]
    assert message.level_tag == "error"
    assert "Titre de Binh" in str(message) or story.title in str(message)
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(story.pk, anna_loaded["loaded_revision_id"], binh_revision),
    )
    assert compare in str(message)  # the “Compare versions” button
    assert client.get(compare).status_code == 200


def test_saving_the_latest_revision_goes_through(client, django_user_model, story):
    client.force_login(django_user_model.objects.create_superuser("anna", password="pw"))
    loaded = open_editor(client, story)
    assert save(client, story, loaded, "Nouveau titre").status_code == 302
    assert (
        ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object().title
        == "Nouveau titre"
    )
    again = open_editor(client, story)
    assert save(client, story, again, "Encore").status_code == 302
    assert ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object().title == "Encore"
