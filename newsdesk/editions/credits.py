"""Who translated a story, for the note readers see under a translated article."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import get_text_list
from django.utils.translation import gettext
from wagtail_localize.models import StringTranslation, Translation, TranslationContext

from .models import TranslationCredit


@receiver(post_save, sender=StringTranslation)
def record_translation_credit(sender, instance, raw=False, **kwargs):
    """A machine-translated segment names the translator on its story's credit; a person
    saving a segment of a machine-translated story (the review) is added as a reviewer."""
    if raw:
        return
    key = (
        TranslationContext.objects.filter(pk=instance.context_id)
        .values_list("object_id", flat=True)
        .first()
    )
    if instance.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        TranslationCredit.objects.update_or_create(
            translation_key=key,
            locale_id=instance.locale_id,
            defaults={"machine_translator": instance.tool_name},
        )
    elif instance.last_translated_by_id:
        credit = TranslationCredit.objects.filter(
            translation_key=key, locale_id=instance.locale_id
        ).first()
        if credit is not None:
            credit.reviewers.add(instance.last_translated_by_id)


def translation_record(page):
    """wagtail-localize's record that ``page`` was translated from another edition (with its
    source's locale), or None for an original. Looked up once per page object."""
    if not hasattr(page, "_translation_record"):
        page._translation_record = (
            Translation.objects.filter(
                source__object_id=page.translation_key, target_locale_id=page.locale_id
            )
            .select_related("source__locale")
            .first()
        )
    return page._translation_record


def reader_note(page) -> str:
    """The line under a translated story: the editor's own words when they wrote some,
    otherwise "Machine-translated, reviewed by …" for a machine-translated story, or
    nothing for an original or a translation made by people alone."""
    if translation_record(page) is None:
        return ""
    credit = (
        TranslationCredit.objects.filter(translation_key=page.translation_key, locale=page.locale)
        .prefetch_related("reviewers")
        .first()
    )
    if credit is None:
        return ""
    return credit.note or automatic_note(credit)


def automatic_note(credit) -> str:
    """ "Machine-translated, reviewed by A and B." in the active language, or "" when no
    machine translated any of it."""
    if not credit.machine_translator:
        return ""
    names = [user.get_full_name() or user.get_username() for user in credit.reviewers.all()]
    if not names:
        return gettext("Machine-translated.")
    return gettext("Machine-translated, reviewed by %(names)s.") % {
        "names": get_text_list(sorted(names), gettext("and"))
    }
