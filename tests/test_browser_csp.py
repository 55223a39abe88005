"""The Content-Security-Policy holds on every screen a reader or the newsroom opens: a real
Chromium reports no violation on the public pages nor across the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from .factories import ArticleFactory, AuthorFactory, SectionFactory
from .test_browser_copy_link import BROWSER_TEST, CHROMIUM, CHROMIUM_FLAGS

pytestmark = BROWSER_TEST


@pytest.fixture
def site_paths(transactional_db, django_db_serialized_rollback):
    """The public and admin addresses to open, made before the browser starts."""
    from newsdesk.editions.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr")
    section = SectionFactory(parent=home, title="International", slug="international")
    author = AuthorFactory(name="Viet Dung", slug="viet-dung")
    article = ArticleFactory(section=section, authors=[author])
    get_user_model().objects.create_superuser("chief", password="chief-password")
    source, _ = TranslationSource.get_or_create_from_instance(article)
    english = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    english.save_target(publish=False)
    public = ["/fr/", section.url, article.url, "/fr/authors/viet-dung/", "/fr/search/?q=ukraine"]
    admin = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=(section.pk,)),
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        reverse("wagtailadmin_pages:history", args=(article.pk,)),
        # wagtail-localize's translation editor
        reverse("wagtailadmin_pages:edit", args=(english.get_target_instance().pk,)),
        reverse("wagtailimages:index"),
        reverse("wagtailsnippets_authors_author:list"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_pages:search") + "?q=ukraine",
    ]
    return {"public": public, "admin": admin}


def test_no_page_breaks_the_content_security_policy(live_server, site_paths):
    from playwright.sync_api import sync_playwright

    seen = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_context().new_page()
        current = {"url": None}
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and seen.setdefault(current["url"], []).append(message.text)
            ),
        )
        for path in site_paths["public"]:
            current["url"] = path
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", "chief-password")
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        for path in site_paths["admin"]:
            current["url"] = path
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
        browser.close()
    assert seen == {}
