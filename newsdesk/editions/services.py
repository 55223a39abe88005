"""Writes with rules for editions: start the translations of a story in other editions."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object
from wagtail_localize.views.edit_translation import apply_machine_translation

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def machine_translation_available() -> bool:
    return get_machine_translator() is not None


@transaction.atomic
def translate_page(*, page, locales, user, machine: bool = False) -> list:
    """Create ``page``'s translations into ``locales`` as drafts (with the parent pages
    they need), and fill them by machine translation when asked and configured, marked
    for review. Returns the translated pages. A provider failure rolls back everything it
    began and raises ``TranslationProviderError``."""
    if not user.has_perm(SUBMIT_TRANSLATION):
        raise PermissionDenied
    locales = [locale for locale in locales if locale.pk != page.locale_id]
    if not locales:
        return []
    translate_object(page, locales, user=user)
    translator = get_machine_translator() if machine else None
    translations = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale__in=locales
    ).select_related("source", "target_locale")
    pages = []
    for translation in translations:
        if translator is not None:
            apply_machine_translation(translation.id, user, translator)  # may raise
            translation.save_target(user=user, publish=False)
        pages.append(translation.get_target_instance())
    return pages
