from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, F, Max, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import override as translation_override
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import (
    apply_machine_translation,
    user_can_edit_instance,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .credits import automatic_note
from .models import TranslationCredit
from .translation_status import status_rows

ROWS_PER_PAGE = 50


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Admin: every story's state in every edition, newest first. ``?edition=en`` keeps one
    edition's column; ``?out_of_date=1`` keeps the stories whose source changed since the
    last sync (a sync reads the published source), each with its "Sync" button."""

    template_name = "editions/translation_status.html"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        from newsdesk.articles.models import ArticlePage

        context = super().get_context_data(**kwargs)
        languages = dict(settings.LANGUAGES)
        edition = self.request.GET.get("edition", "")
        edition = edition if edition in languages else ""
        out_of_date = self.request.GET.get("out_of_date") == "1"
        stories = ArticlePage.objects.all()
        if out_of_date:
            stale_source = TranslationSource.objects.filter(
                object_id=OuterRef("translation_key"),
                locale_id=OuterRef("locale_id"),
                last_updated_at__lt=OuterRef("last_published_at"),
                translations__enabled=True,
            )
            if edition:
                stale_source = stale_source.filter(
                    translations__target_locale__language_code=edition
                )
            stories = stories.filter(Exists(stale_source))
        # One row per story (translation key), the most recently edited first.
        stories = (
            stories.values("translation_key")
            .annotate(edited=Max("latest_revision_created_at"))
            .order_by(F("edited").desc(nulls_last=True), "translation_key")
        )
        page = Paginator(stories, ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        rows = status_rows([story["translation_key"] for story in page.object_list])
        if edition:
            for row in rows:
                row.cells = [cell for cell in row.cells if cell.language == edition]
        context.update(
            rows=rows,
            page_obj=page,
            languages=[(code, name) for code, name in settings.LANGUAGES if edition in ("", code)],
            editions=settings.LANGUAGES,
            edition=edition,
            out_of_date=out_of_date,
            filters=urlencode({"edition": edition, "out_of_date": "1" * out_of_date}),
        )
        return context


class SyncTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", with "Use machine translation" ticked
    when a provider is configured. A segment whose source text is unchanged keeps its
    translation, reviewed or not; a changed one comes back from the provider marked
    machine-translated, so it shows as "to review" in the editor and the status table.
    If the provider fails, the whole sync is rolled back and the translator is told."""

    template_name = "editions/sync_translations.html"

    def get_form(self):
        form = super().get_form()
        if not form.is_bound and "use_machine_translation" in form.fields:
            form.fields["use_machine_translation"].initial = True
        return form

    @transaction.atomic
    def form_valid(self, form):
        """As wagtail-localize's, but for the translations this user may edit only (theirs
        stops the whole sync with "permission denied" when a translator of one edition
        syncs a story translated into several): the other editions' translators find the
        changed segments waiting in their editor, and the story marked in the table. A
        translation that cannot be published is named, not silently skipped."""
        user = self.request.user
        self.object.update_from_db()
        translations = [
            translation
            for translation in self.object.translations.filter(enabled=True).select_related(
                "source", "target_locale"
            )
            if user_can_edit_instance(user, translation.get_target_instance())
        ]
        machine = (
            get_machine_translator() if form.cleaned_data.get("use_machine_translation") else None
        )
        for translation in translations:
            if machine is not None:
                apply_machine_translation(translation.id, user, machine)
            self._update(translation, publish=form.cleaned_data["publish_translations"])
        self.components.save(self.object, sources_and_translations={self.object: translations})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())

    def _update(self, translation, publish):
        """Bring one translation up to date; "Publish immediately" publishes only for those
        who may publish it (wagtail-localize's view does not ask): a translator's sync
        leaves a draft to submit for review."""
        user, page = self.request.user, translation.get_target_instance()
        edition = translation.target_locale.get_display_name()
        if not publish:
            translation.source.update_target_view_restrictions(translation.target_locale)
            return
        may_publish = page.permissions_for_user(user).can_publish()
        try:
            translation.save_target(user=user, publish=may_publish)
        except ValidationError as error:
            messages.error(
                self.request,
                _("The %(edition)s translation was not published: %(errors)s")
                % {"edition": edition, "errors": "; ".join(error.messages)},
            )
            return
        if not may_publish:
            messages.warning(
                self.request,
                _("The %(edition)s translation was saved as a draft: submit it for review.")
                % {"edition": edition},
            )


def editable_translation(user, translation_id):
    """wagtail-localize's translation and the translated page, for someone who may edit
    that page (404 for no such translation, 403 otherwise)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    return translation, page


@require_POST
def submit_translation_for_review(request, translation_id):
    """A translator's "Submit for review": the translation's segments become a draft of the
    translated story, which enters the desk review workflow like any article, so an editor
    of that edition approves and publishes it. (wagtail-localize's editor only publishes.)"""
    translation, page = editable_translation(request.user, translation_id)
    back = reverse("newsdesk_translations")
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("No review workflow applies to “%(title)s”.") % {"title": page})
        return redirect(back)
    if page.workflow_in_progress:
        messages.warning(request, _("“%(title)s” is already in review.") % {"title": page})
        return redirect(back)
    try:
        with transaction.atomic():
            translation.save_target(user=request.user, publish=False)
            page = translation.get_target_instance()
            workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” cannot be submitted yet: %(errors)s")
            % {"title": page, "errors": "; ".join(error.messages)},
        )
        return redirect(back)
    messages.success(request, _("“%(title)s” was submitted for review.") % {"title": page})
    return redirect(back)


class TranslationNoteForm(forms.ModelForm):
    class Meta:
        model = TranslationCredit
        fields = ["note"]


class TranslationNoteView(WagtailAdminTemplateMixin, FormView):
    """The note readers see under one translated story: the automatic wording, shown for
    reference, and the editor's own, which replaces it (empty: back to the automatic)."""

    template_name = "editions/translation_note.html"
    form_class = TranslationNoteForm
    page_title = gettext_lazy("Note to readers")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        self.translation, self.page = editable_translation(request.user, kwargs["translation_id"])
        self.credit = TranslationCredit.objects.filter(
            translation_key=self.page.translation_key, locale_id=self.page.locale_id
        ).first() or TranslationCredit(
            translation_key=self.page.translation_key, locale_id=self.page.locale_id
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.page)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsdesk_translations"), "label": _("Translations")},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.credit}

    def get_context_data(self, **kwargs):
        with translation_override(self.page.locale.language_code):
            automatic = automatic_note(self.credit) if self.credit.pk else ""
        return super().get_context_data(page=self.page, automatic=automatic, **kwargs)

    def form_valid(self, form):
        form.save()
        messages.success(
            self.request, _("The note under “%(title)s” was saved.") % {"title": self.page}
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))
