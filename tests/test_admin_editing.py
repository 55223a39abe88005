"""The newsroom edits stories in Wagtail's admin; an image without a credit blocks publishing."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.services import get_month_folder

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory


@pytest.fixture
def chief(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")


@pytest.fixture
def chief_client(client, chief):
    client.force_login(chief)
    return client


@pytest.fixture
def section(homes):
    return SectionFactory(parent=homes["fr"], title="International", slug="international")


def article_form(*, image, author, action="action-publish"):
    data = nested_form_data(
        {
            "title": "Koursk : l'Ukraine envisage un retrait",
            "slug": "koursk-retrait",
            "kicker": "Ukraine",
            "lede": "Kiev envisage de retirer ses forces de la région russe de Koursk.",
            "lead_image": image.pk,
            "body": streamfield([("paragraph", rich_text("<p>Selon TASS, le 8 mars…</p>"))]),
            "article_authors": inline_formset([{"author": author.pk}]),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def test_section_add_article_button_opens_the_editor_in_this_months_folder(chief_client, section):
    response = chief_client.get(reverse("articles_add_to_section", args=(section.pk,)))
    folder = get_month_folder(section=section)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk)
    )
    assert chief_client.get(response["Location"]).status_code == 200


def test_editor_pages_open_for_every_content_type(chief_client, section):
    article = ArticleFactory(section=section)
    for page in (section, article, article.get_parent(), article.get_parent().get_parent()):
        assert (
            chief_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
        )
    for name in ("authors_author", "ingest_source"):
        assert chief_client.get(reverse(f"wagtailsnippets_{name}:list")).status_code == 200


def test_publishing_with_an_uncredited_image_is_refused(chief_client, section, locales):
    folder = get_month_folder(section=section)
    image = ImageFactory(credit="")
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = chief_client.post(url, article_form(image=image, author=AuthorFactory()))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["lead_image"]
    assert not ArticlePage.objects.filter(slug="koursk-retrait").exists()


def test_publishing_with_credited_images_works_and_drafts_may_lack_credit(chief_client, section):
    folder = get_month_folder(section=section)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = chief_client.post(url, article_form(image=ImageFactory(), author=AuthorFactory()))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="koursk-retrait")
    assert article.live and article.published_at is not None

    draft = article_form(
        image=ImageFactory(credit=""), author=AuthorFactory(), action="action-draft"
    )
    draft["slug"] = "koursk-brouillon"
    assert chief_client.post(url, draft).status_code == 302
    assert not ArticlePage.objects.get(slug="koursk-brouillon").live
