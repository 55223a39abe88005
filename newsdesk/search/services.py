"""Searching stories: what readers and the newsroom type, read the same way everywhere.

A query is words, and phrases in double quotes (``"premier ministre" Hanoï``). Nothing
else a reader types is syntax: stars, brackets, ``field:``, ``NEAR`` or a lone quote are
read as words or dropped, so no input reaches the database as an operator.
"""

import re
from datetime import date, datetime, time, timedelta
from itertools import product

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.search.backends import get_search_backend

from newsdesk.articles.models import ArticlePage

from .analysis import WORD, analyse_word, base_language, fold, words

# A longer query adds nothing a reader needs and only costs the database.
MAX_QUERY_LENGTH = 200
PHRASE = re.compile(r'"([^"]*)"?')
SORTS = ("relevance", "date")
PHRASE_FIRST = {"vi"}
MAX_PHRASE_SPELLINGS = 4


def clean_query(raw: str) -> str:
    """The query as typed, made safe to keep and show: spaces collapsed, control
    characters dropped, at most ``MAX_QUERY_LENGTH`` characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def parse_query(text: str, language: str | None = None, *, loose_as_phrase: bool = False):
    """A search query for the backends: quoted phrases, then the other words (all
    required; with ``loose_as_phrase``, as one more phrase); None when nothing searchable is
    left. French words get their other gender's spelling where accent folding would part
    them (``premier`` also finds ``première``)."""
    parts = []
    for phrase in PHRASE.findall(text):
        if phrase_words := words(phrase):
            parts.append(_phrase(phrase_words, language))
    if loose := words(PHRASE.sub(" ", text)):
        parts.append(_phrase(loose, language) if loose_as_phrase else _words(loose, language))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def variants(word: str, language: str | None) -> list[str]:
    """The spellings of ``word`` a search should also try. Folding accents before stemming
    (as PostgreSQL's ``unaccent`` does) parts French ``-ier``/``-ière`` pairs (``premier`` →
    ``premi``, ``première`` → ``premier``), so each brings the other."""
    if base_language(language) != "fr":
        return [word]
    folded = fold(word)
    for masculine, feminine in (("iers", "ieres"), ("ier", "iere")):
        if folded.endswith(feminine):
            return [word, folded[: -len(feminine)] + masculine]
        if folded.endswith(masculine):
            return [word, folded[: -len(masculine)] + feminine]
    return [word]


def _words(loose: list[str], language):
    terms = [variants(word, language) for word in loose]
    if all(len(forms) == 1 for forms in terms):
        return PlainText(" ".join(loose), operator="and")
    parts = [PlainText(f[0]) if len(f) == 1 else Or([PlainText(v) for v in f]) for f in terms]
    return parts[0] if len(parts) == 1 else And(parts)


def _phrase(phrase_words: list[str], language):
    spellings = [
        " ".join(combination)
        for combination in product(*[variants(w, language) for w in phrase_words])
    ]
    phrases = [Phrase(text) for text in spellings[:MAX_PHRASE_SPELLINGS]]
    return phrases[0] if len(phrases) == 1 else Or(phrases)


def search_articles(
    text: str,
    *,
    locale=None,
    published_only: bool = True,
    section=None,
    author=None,
    date_from: date | None = None,
    date_to: date | None = None,
    sort: str = "relevance",
    queryset=None,
):
    """Stories matching ``text``, best first (``sort="date"``: newest first).

    ``locale`` limits the search to one edition and reads the query in its language;
    without it, every edition is searched and the query read in each of their languages.
    ``published_only`` keeps what readers may see: live, public, no drafts or scheduled
    stories. Returns Wagtail search results (sliceable, countable), empty for an empty query.
    """
    language = base_language(locale.language_code) if locale is not None else None
    stories = queryset if queryset is not None else ArticlePage.objects.all()
    query = parse_query(text, language)
    if query is None:
        return stories.none()
    if published_only:
        stories = stories.live().public()
    if locale is not None:
        stories = stories.in_edition(locale)
    if section is not None:
        stories = stories.descendant_of(section)
    if author is not None:
        stories = stories.by_author(author)
    if date_from is not None:
        stories = stories.filter(published_at__gte=_start_of(date_from))
    if date_to is not None:
        stories = stories.filter(published_at__lt=_start_of(date_to + timedelta(days=1)))
    by_date = sort == "date"
    if by_date:
        stories = stories.order_by("-published_at", "-id")
    backend = get_search_backend(
        "default",
        LANGUAGES=[language] if language else None,
        EDITION=locale.language_code if locale is not None else None,
    )
    if language in PHRASE_FIRST:
        # Vietnamese words are one to three syllables, and folded syllables collide (Nội,
        # nổi; Đà, đã): unquoted syllables are first looked for together, as the word the
        # reader meant, and anywhere in the story only when they never stand together.
        together = backend.search(
            parse_query(text, language, loose_as_phrase=True),
            stories,
            order_by_relevance=not by_date,
        )
        if together[:1].count():
            return together
    return backend.search(query, stories, order_by_relevance=not by_date)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def highlight(text: str, query: str, language: str | None) -> SafeString:
    """``text`` escaped, with the words the query matches (in any form the search would
    match: ``élection`` for ``elections``) in ``<mark>``."""
    wanted = {analyse_word(word, language) for word in words(query)}
    out, last = [], 0
    for match in WORD.finditer(text):
        if analyse_word(match.group(), language) in wanted:
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped
