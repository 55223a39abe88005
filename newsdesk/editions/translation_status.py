"""Where each story stands in each edition: missing, draft, machine-only, reviewed,
published, or out of date with its source. Read from Wagtail's translation keys and
wagtail-localize's records, in a fixed number of queries per table."""

from dataclasses import dataclass

from django.conf import settings
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

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
class StoryRow:
    original: object
    cells: list  # (language code, status, page or None), in LANGUAGES order


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
    translated = {
        (t.source.object_id, t.target_locale_id)
        for t in Translation.objects.filter(source__object_id__in=keys).select_related("source")
    }
    kinds = {}
    for key, locale_id, kind in StringTranslation.objects.filter(
        context__object_id__in=keys
    ).values_list("context__object_id", "locale_id", "translation_type"):
        kinds.setdefault((key, locale_id), set()).add(kind)

    rows = []
    for key in keys:
        versions = by_key.get(key, {})
        source = sources.get(key)
        original = versions.get(source.locale.language_code) if source else None
        original = original or min(versions.values(), key=lambda page: page.pk)
        cells = []
        for code, _name in settings.LANGUAGES:
            page = versions.get(code)
            cells.append((code, _status(page, original, source, translated, kinds), page))
        rows.append(StoryRow(original=original, cells=cells))
    return rows


def _status(page, original, source, translated, kinds) -> str:
    if page is None:
        return MISSING
    if page.pk == original.pk:
        return ORIGINAL
    key, locale_id = page.translation_key, page.locale_id
    if source is not None and (key, locale_id) in translated:
        changed = original.latest_revision_created_at
        if changed and changed > source.last_updated_at:
            return OUT_OF_DATE  # the source changed after its text was last synced
        if page.live:
            return PUBLISHED
        made_by = kinds.get((key, locale_id), set())
        if StringTranslation.TRANSLATION_TYPE_MANUAL in made_by:
            return REVIEWED
        return MACHINE if made_by else DRAFT
    return PUBLISHED if page.live else DRAFT
