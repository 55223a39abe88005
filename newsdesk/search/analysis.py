"""How search reads words, per edition language.

Both sides of a search, the stored text and the reader's query, go through the same steps:
split into words, fold case and accents (``États`` and ``etats`` are one word; Vietnamese
``Hà Nội`` reads as ``ha noi``), then reduce each word to its stem in the edition's language
(French and English through the Snowball stemmers, which PostgreSQL's ``french_stem`` and
``english_stem`` also use, in an older release; the same order as its ``unaccent`` then
stem).
Languages without a stemmer are folded only.

On PostgreSQL the database does this itself through one text-search configuration per
language (``PG_CONFIGS``, created by this app's migration with ``unaccent``); on SQLite,
whose FTS5 tokenizer knows neither French nor Vietnamese, Newsdesk does it in Python before
the text reaches the index and before the query reaches ``MATCH``.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer
from django.conf import settings

STEMMERS = {"fr": "french", "en": "english"}
# One text-search configuration per stemmed language; everything else is folded only.
PG_CONFIGS = {"fr": "newsdesk_fr", "en": "newsdesk_en"}
PG_FOLDED = "newsdesk_folded"

WORD = re.compile(r"\w+")
# Letters that Unicode does not decompose into a base letter and a mark.
LETTERS = str.maketrans({"đ": "d", "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without accents: ``Đà Nẵng`` → ``da nang``, ``Œuvre`` → ``oeuvre``."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _stemmer(language: str):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=200_000)
def analyse_word(word: str, language: str | None) -> str:
    """The form a word is indexed and matched under in ``language`` (cached: news reuses
    its words, and stemming in pure Python is the SQLite index's main cost)."""
    stemmer = _stemmer(base_language(language))
    word = fold(word)  # first, so that a word typed with or without accents stems alike
    return stemmer.stemWord(word) if stemmer else word


def analyse(text: str, language: str | None) -> str:
    """Text as the SQLite index stores it: its words, stemmed and folded, in order."""
    return " ".join(analyse_word(word, language) for word in words(text))


def base_language(language: str | None) -> str:
    """``fr-CA`` → ``fr``; ``None`` → ``""``."""
    return (language or "").split("-")[0].lower()


def edition_languages() -> list[str]:
    """The languages of the editions this site can publish in."""
    return [base_language(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def pg_config(language: str | None) -> str:
    return PG_CONFIGS.get(base_language(language), PG_FOLDED)


def group_by_language(objs) -> dict[str, list]:
    """Indexed objects by the edition they belong to, keyed by its language code (``fr``,
    ``en``, ``vi``; ``""`` for objects without a locale), with one query for the batch."""
    from wagtail.models import Locale

    locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
    codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))
    groups: dict[str, list] = {}
    for obj in objs:
        code = (codes.get(getattr(obj, "locale_id", None)) or "").lower()
        groups.setdefault(code, []).append(obj)
    return groups


def edition_marker(language_code: str) -> str:
    """The term that marks an index entry as its edition's (``~fr``), so that a search in
    one edition selects that edition's entries in the text index itself. A reader cannot
    type it: query words are letters and digits only."""
    return f"~{language_code.lower()}"
