"""No interface string is left in English on a French or Vietnamese page, for every public
page type.

The English texts come from each catalogue itself: every public-template string whose
translation differs from its English original must not appear on that edition's pages.
"""

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from .factories import ArticleFactory, AuthorFactory, SectionFactory, SourceFactory

LOCALE = Path(__file__).resolve().parents[1] / "newsdesk/locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\{[^}]*\}\}")


def english_interface_strings(language: str) -> set[str]:
    """Static English phrases of the public templates (placeholders cut out)."""
    phrases = set()
    for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES/django.po")):
        public = any("templates/" in path for path, _line in entry.occurrences)
        if not public or not entry.msgstr or entry.msgstr == entry.msgid:
            continue
        for piece in PLACEHOLDER.split(entry.msgid):
            piece = piece.strip(" ():,.")
            # Too short to tell from French ("By", "and"), or French too ("Page 2 sur 3").
            if len(piece) >= 4 and piece not in entry.msgstr:
                phrases.add(piece)
    return phrases


def visible_texts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    for script in soup(["script", "style"]):
        script.decompose()
    texts = [" ".join(text.split()) for text in soup.stripped_strings]
    for element in soup.find_all(True):
        texts += [
            element[name]
            for name in ("aria-label", "alt", "title", "placeholder")
            if element.get(name)
        ]
        if element.name == "button" or element.get("data-copied-text"):
            texts.append(element.get("data-copied-text", ""))
    return texts


def edition_site(homes, locales, language):
    section = SectionFactory(parent=homes[language], title="Monde", slug="monde")
    SectionFactory(parent=section, title="Asie", slug="asie")
    author = AuthorFactory(name="Viet Dung", slug="viet-dung", locale=locales[language])
    story = ArticleFactory(
        section=section,
        authors=[author],
        tags=["ukraine"],
        source=SourceFactory(),
        source_url="https://vietnamnet.vn/article.html",
        source_relation="translated",
        updated_at=None,
    )
    for n in range(25):  # enough for pagination links
        ArticleFactory(section=section, title=f"Dépêche {n}", quick=True)
    return {
        "home": f"/{language}/",
        "section": section.url,
        "section page 2": section.url + "?page=2",
        "year": story.get_parent().get_parent().url,
        "month": story.get_parent().url,
        "article": story.url,
        "author": f"/{language}/authors/viet-dung/",
        "tag": f"/{language}/tags/ukraine/",
        "not found": f"/{language}/nulle-part/",
    }


@pytest.mark.parametrize("language", ["fr", "vi"])
def test_pages_carry_no_english_interface_string(client, homes, locales, language):
    english = english_interface_strings(language)
    assert {"Copy link", "Featured", "Latest"} <= english  # the scan has teeth
    leftovers = {}
    for kind, url in edition_site(homes, locales, language).items():
        texts = visible_texts(client.get(url).content.decode())
        found = sorted(
            {
                phrase
                for phrase in english
                for text in texts
                if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
            }
        )
        if found:
            leftovers[kind] = found
    assert leftovers == {}
