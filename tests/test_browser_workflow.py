"""The review workflow end to end, in a real Chromium: a reporter writes and submits, an
editor requests changes, the reporter fixes them, the editor approves, readers see it."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from .factories import AuthorFactory, SectionFactory, person
from .test_browser_copy_link import BROWSER_TEST, CHROMIUM, CHROMIUM_FLAGS

pytestmark = BROWSER_TEST

HEADLINE = "Koursk : l'Ukraine envisage un retrait"


def staff(name, role, desk):
    """A newsroom member whose admin speaks English (the labels the test clicks)."""
    user = person(name, role, desks=[desk])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def desk(transactional_db, django_db_serialized_rollback):
    """Made before the browser starts: Playwright's event loop forbids the ORM."""
    from newsdesk.editions.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr")
    section = SectionFactory(parent=home, title="International", slug="international")
    AuthorFactory(name="Viet Dung", slug="viet-dung")
    staff("reporter", "Reporters", (section, "reporter"))
    staff("editor", "Editors", (section, "editor"))
    return {
        "add_article": reverse("articles_add_to_section", args=(section.pk,)),
        "section": section.url,
    }


def signed_in(browser, base, name):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"{name}-password")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def footer_action(page, name):
    """Open the editor's footer menu and choose an action, as a person does."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=name, exact=True).click()


def open_from_dashboard(page, base):
    page.goto(base + "/admin/")
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))


def test_reporter_submits_editor_sends_back_then_approves(live_server, desk):
    from playwright.sync_api import expect, sync_playwright

    base = live_server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)

        reporter = signed_in(browser, base, "reporter")
        reporter.goto(base + desk["add_article"])
        reporter.fill("#id_title", HEADLINE)
        reporter.fill("#id_lede", "Kiev envisage de retirer ses forces de la région de Koursk.")
        reporter.get_by_role("button", name="Choose author").click()
        reporter.get_by_role("dialog").get_by_role("link", name="Viet Dung").click()
        expect(reporter.get_by_role("dialog")).to_be_hidden()
        reporter.get_by_role("tab", name="Promote").click()
        reporter.fill("#id_slug", "koursk-retrait")
        footer_action(reporter, "Submit to Desk review")
        expect(reporter.locator(".messages")).to_contain_text("submitted")
        assert reporter.get_by_role("button", name="Publish").count() == 0

        editor = signed_in(browser, base, "editor")
        open_from_dashboard(editor, base)
        footer_action(editor, "Request changes")
        dialog = editor.get_by_role("dialog")
        dialog.locator("textarea").fill("Précisez la source du Telegraph.")
        dialog.get_by_role("button", name="Request changes").click()
        expect(editor.locator(".messages")).to_contain_text("has been updated")

        open_from_dashboard(reporter, base)
        reporter.fill(
            "#id_lede", "Selon le Telegraph, Kiev envisage de retirer ses forces de Koursk."
        )
        footer_action(reporter, "Resubmit to Desk editor approval")
        expect(reporter.locator(".messages")).to_contain_text("submitted")

        open_from_dashboard(editor, base)
        footer_action(editor, "Approve and Publish")
        expect(editor.locator(".messages")).to_contain_text("has been updated")

        reader = browser.new_context().new_page()
        reader.goto(base + desk["section"])
        reader.get_by_role("link", name=HEADLINE).click()
        expect(reader.locator("h1")).to_have_text(HEADLINE)
        expect(reader.locator("p.lede")).to_contain_text("Selon le Telegraph")
        browser.close()
