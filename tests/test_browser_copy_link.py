"""A reader clicks “Copier le lien” in a real Chromium and gets the canonical URL."""

import shutil

import pytest

from .factories import ArticleFactory, AuthorFactory, SectionFactory

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every browser test's marks: `-m "not browser"` leaves them out; without chromium they skip.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Debian's chromium is not installed (make test installs it where it can)",
    ),
]
pytestmark = BROWSER_TEST


@pytest.fixture
def story(transactional_db, django_db_serialized_rollback):
    """The story's URL, made before the browser starts (Playwright's loop forbids the ORM)."""
    from newsdesk.editions.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr")
    section = SectionFactory(parent=home, title="International")
    article = ArticleFactory(section=section, authors=[AuthorFactory(name="Viet Dung")])
    return article.url


@pytest.fixture
def browser_page(story):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        yield page
        browser.close()


def test_copy_link_puts_the_canonical_url_on_the_clipboard(live_server, story, browser_page):
    browser_page.goto(live_server.url + story)
    canonical = browser_page.locator("link[rel=canonical]").get_attribute("href")
    button = browser_page.get_by_role("button", name="Copier le lien")
    button.click()
    browser_page.get_by_role("status").filter(has_text="Lien copié").wait_for()

    assert browser_page.evaluate("navigator.clipboard.readText()") == canonical
    assert canonical.endswith(story)
    assert browser_page.console_errors == []
