"""Where each story stands in each edition: missing, draft, machine-only, reviewed,
published, or out of date with its source. Read from Wagtail's translation keys and
wagtail-localize's records, in a fixed number of queries per table."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING, ORIGINAL, DRAFT, MACHINE, REVIEWED, PUBLISHED, OUT_OF_DATE = (
    "missing",
    "original",
    "draft",
    "machine-only",
    "reviewed",
    "published",
    "out of date",
)


@dataclass
class Cell:
    language: str
    status: str
    page: object = None
    translation: object = None  # wagtail-localize's Translation, for translated versions


@dataclass
class StoryRow:
    original: object
    source: object  # wagtail-localize's TranslationSource, once the story has been translated
    cells: list  # one Cell per edition, in LANGUAGES order

    @property
    def out_of_date(self) -> bool:
        return any(cell.status == OUT_OF_DATE for cell in self.cells)


@dataclass
class _Progress:
    """How far one translation of the source's current text has got."""

    segments: int
    translated: int = 0
    machine: int = 0


def status_rows(keys: list) -> list[StoryRow]:
    """One row per story (translation key), with a status per edition."""
    from newsdesk.articles.models import ArticlePage

    pages = ArticlePage.objects.filter(translation_key__in=keys).select_related("locale")
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys).select_related("locale")
    }
    translations = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__object_id__in=keys).select_related("source")
    }
    progress = _progress(keys, {locale_id for _key, locale_id in translations})

    rows = []
    for key in keys:
        versions = by_key.get(key, {})
        source = sources.get(key)
        original = versions.get(source.locale.language_code) if source else None
        original = original or min(versions.values(), key=lambda page: page.pk)
        cells = []
        for code, _name in settings.LANGUAGES:
            page = versions.get(code)
            translation = translations.get((key, page.locale_id)) if page else None
            status = _status(page, original, source, translation, progress)
            cells.append(Cell(code, status, page, translation))
        rows.append(StoryRow(original=original, source=source, cells=cells))
    return rows


def _progress(keys, locale_ids) -> dict:
    """``{(translation key, locale id): _Progress}`` over the segments of each source's
    current text only: a translation of a sentence the source no longer has does not count."""
    current = Counter()
    for key, string_id, context_id in StringSegment.objects.filter(
        source__object_id__in=keys
    ).values_list("source__object_id", "string_id", "context_id"):
        current[(key, string_id, context_id)] += 1
    segments = Counter(key for key, _string, _context in current.elements())
    progress = {
        (key, locale_id): _Progress(total)
        for key, total in segments.items()
        for locale_id in locale_ids
    }
    for key, string_id, context_id, locale_id, kind in StringTranslation.objects.filter(
        context__object_id__in=keys, locale_id__in=locale_ids
    ).values_list(
        "context__object_id", "translation_of_id", "context_id", "locale_id", "translation_type"
    ):
        count = current.get((key, string_id, context_id), 0)
        entry = progress[(key, locale_id)] if count else None
        if entry is not None:
            entry.translated += count
            if kind == StringTranslation.TRANSLATION_TYPE_MACHINE:
                entry.machine += count
    return progress


def _status(page, original, source, translation, progress) -> str:
    if page is None:
        return MISSING
    if page.pk == original.pk:
        return ORIGINAL
    if source is None or translation is None:
        return PUBLISHED if page.live else DRAFT  # translated by hand, outside wagtail-localize
    changed = original.last_published_at  # a sync reads the source's published text
    if changed and changed > source.last_updated_at:
        return OUT_OF_DATE  # the source was republished after its text was last synced
    done = progress.get((page.translation_key, page.locale_id), _Progress(0))
    if done.machine:
        return MACHINE  # a person still has to review these segments, live or not
    if done.translated < done.segments:
        return DRAFT  # segments left to translate
    return PUBLISHED if page.live else REVIEWED
