"""The newsroom edits stories in Wagtail's admin; an image without a credit blocks publishing."""

import pytest
from django.urls import reverse

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.services import get_month_folder

from .factories import ArticleFactory, ImageFactory, SectionFactory, article_form


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
    response = chief_client.post(url, article_form(action="action-publish", lead_image=image.pk))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["lead_image"]
    assert not ArticlePage.objects.filter(slug="koursk-retrait").exists()


def test_publishing_with_credited_images_works_and_drafts_may_lack_credit(chief_client, section):
    folder = get_month_folder(section=section)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = chief_client.post(url, article_form(action="action-publish"))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="koursk-retrait")
    assert article.live and article.published_at is not None

    draft = article_form(lead_image=ImageFactory(credit="").pk, slug="koursk-brouillon")
    assert chief_client.post(url, draft).status_code == 302
    assert not ArticlePage.objects.get(slug="koursk-brouillon").live


def test_no_publishing_path_puts_an_uncredited_image_online(section):
    from newsdesk.articles.models import UncreditedImageError

    draft = ArticleFactory(section=section, live=False, lead_image=ImageFactory(credit=""))
    with pytest.raises(UncreditedImageError):
        draft.get_latest_revision().publish()
    draft.refresh_from_db()
    assert not draft.live


def test_someone_without_page_permissions_cannot_open_a_desk(client, django_user_model, section):
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    folders_before = section.get_descendants().count()
    response = client.get(reverse("articles_add_to_section", args=(section.pk,)))
    # Wagtail's admin answers a refusal by sending the user back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert section.get_descendants().count() == folders_before


def test_configure_site_points_canonical_urls_at_the_public_address(settings, homes):
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from wagtail.models import Site

    settings.WAGTAILADMIN_BASE_URL = "https://news.example"
    call_command("configure_site")
    assert Site.objects.get(is_default_site=True).root_url == "https://news.example"
    assert homes["fr"].get_full_url() == "https://news.example/fr/"

    settings.WAGTAILADMIN_BASE_URL = "news.example"
    with pytest.raises(CommandError, match="NEWSDESK_BASE_URL"):
        call_command("configure_site")
    assert Site.objects.get(is_default_site=True).root_url == "https://news.example"
