"""A reader following links from each edition's front page never meets a broken page."""

from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup

from newsdesk.editions.demo import load_demo

MAX_DEPTH = 3


@pytest.fixture
def demo_site(db):
    return load_demo()


def internal_links(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    links = set()
    for element in soup.find_all(["a", "link"], href=True):
        if element.name == "link" and element.get("rel") not in (["alternate"], ["canonical"]):
            continue
        href = urldefrag(element["href"])[0]
        parts = urlsplit(href)
        internal = parts.scheme in ("", "http", "https") and parts.netloc in ("", "127.0.0.1:8000")
        if internal and parts.path.startswith("/") and not parts.path.startswith("/admin/"):
            links.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


@pytest.mark.parametrize("language", ["fr", "en", "vi"])
def test_every_link_from_the_edition_home_works(client, demo_site, language):
    start = f"/{language}/"
    seen, frontier, failures = {start}, [start], []
    for _depth in range(MAX_DEPTH):
        next_frontier = []
        for url in frontier:
            response = client.get(url)
            if response.status_code >= 400:
                failures.append((url, response.status_code))
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue
            for link in internal_links(response.content.decode()) - seen:
                seen.add(link)
                next_frontier.append(link)
        frontier = next_frontier
    for url in frontier:  # the last ring is checked too, not followed
        status = client.get(url).status_code
        if status >= 400:
            failures.append((url, status))
    assert failures == []
    assert len(seen) > 50


def test_load_demo_twice_changes_nothing(db):
    first = load_demo()
    assert first["editions"] == 3
    assert first["articles"] >= 33
    assert first["sections"] >= 3 * 6
    assert load_demo() == first
