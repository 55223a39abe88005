"""The ingest inbox in the admin: the list (filters, search), one item read in full,
“Create draft” and “Import from URL”."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import MenuItem
from wagtail.models import Locale

from newsdesk.editions.services import (
    SUBMIT_TRANSLATION,
    machine_translation_available,
    translate_page,
)
from newsdesk.editions.translators import TranslationProviderError
from newsdesk.lib.html_blocks import sanitise
from newsdesk.sections.models import SectionPage

from .models import IngestItem
from .services import DraftError, create_draft
from .sources.web import import_url

DRAFTABLE = (IngestItem.Status.NEW, IngestItem.Status.DUPLICATE, IngestItem.Status.DISCARDED)


def draft_url(item) -> str:
    return reverse("ingest_inbox:draft", args=[item.pk])


class InboxIndexView(IndexView):
    add_item_label = gettext_lazy("Import from URL")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("source")

    def get_edit_url(self, instance):
        """The headline opens the item to read; its status is changed from there."""
        return self.get_inspect_url(instance)

    def get_list_more_buttons(self, instance):
        inspect_url = self.get_inspect_url(instance)
        buttons = [b for b in super().get_list_more_buttons(instance) if b.url != inspect_url]
        buttons.append(
            MenuItem(
                _("Change status"),
                url=reverse("ingest_inbox:edit", args=[instance.pk]),
                icon_name="edit",
                priority=10,
            )
        )
        if instance.status in DRAFTABLE:
            buttons.insert(
                0,
                MenuItem(
                    _("Create draft"), url=draft_url(instance), icon_name="doc-empty", priority=5
                ),
            )
        return buttons

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.status in DRAFTABLE:
            buttons.insert(
                0,
                ListingButton(
                    _("Create draft"), url=draft_url(instance), icon_name="doc-empty", priority=5
                ),
            )
        elif instance.article_id:
            buttons.insert(
                0,
                ListingButton(
                    _("Open draft"),
                    url=reverse("wagtailadmin_pages:edit", args=[instance.article_id]),
                    icon_name="edit",
                    priority=5,
                ),
            )
        return buttons


class InboxInspectView(InspectView):
    """The item as received: its fields, then its body as a reader would see it (sanitised)."""

    template_name = "ingest/inspect_item.html"

    def get_context_data(self, **kwargs):
        item = self.object
        return super().get_context_data(
            body=mark_safe(sanitise(item.body_html)),  # noqa: S308 — sanitised
            draft_url=draft_url(item) if item.status in DRAFTABLE else "",
            article_url=(
                reverse("wagtailadmin_pages:edit", args=[item.article_id])
                if item.article_id
                else ""
            ),
            **kwargs,
        )

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "-" if value is None or value == "" else value

    def get_source_display_value(self):
        source = self.object.source
        if source is None:
            return "-"
        if not source.home_url:
            return source.name
        return format_html('<a href="{}" rel="noopener">{}</a>', source.home_url, source.name)

    def get_duplicate_of_display_value(self):
        original = self.object.duplicate_of
        if original is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("ingest_inbox:inspect", args=[original.pk]),
            original.headline,
        )

    def get_authors_display_value(self):
        return ", ".join(self.object.authors) or "-"

    def get_tags_display_value(self):
        return ", ".join(self.object.tags) or "-"

    def get_images_display_value(self):
        return (
            "; ".join(
                " — ".join(filter(None, [i.get("caption"), i.get("credit"), i.get("src")]))
                for i in self.object.images
            )
            or "-"
        )


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, section):
        return f"{section.locale.get_display_name()} — {section.title}"


class DraftForm(forms.Form):
    section = SectionChoiceField(queryset=SectionPage.objects.none(), label=gettext_lazy("Section"))
    translate_into = forms.ModelMultipleChoiceField(
        queryset=Locale.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Also start its translation into"),
        help_text=gettext_lazy("Drafts in those editions, to review in the translation editor."),
    )
    machine_translate = forms.BooleanField(
        required=False, initial=True, label=gettext_lazy("Use machine translation")
    )

    def __init__(self, *args, sections, may_translate: bool, machine: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections
        if may_translate:
            self.fields["translate_into"].queryset = Locale.objects.order_by("pk")
            self.fields["translate_into"].label_from_instance = lambda locale: (
                locale.get_display_name()
            )
        else:
            del self.fields["translate_into"]
        if not (may_translate and machine):
            del self.fields["machine_translate"]


def sections_for(user):
    """The sections in which ``user`` may add a story, edition by edition."""
    sections = SectionPage.objects.live().select_related("locale").order_by("locale_id", "path")
    return sections.filter(
        pk__in=[s.pk for s in sections if s.permissions_for_user(user).can_add_subpage()]
    )


def default_section(item, sections):
    source = item.source or item.via
    if source and source.default_section_id and sections.filter(pk=source.default_section_id):
        return source.default_section_id
    language = item.language or (
        source.default_locale.language_code if source and source.default_locale_id else ""
    )
    locale = Locale.objects.filter(language_code=language).first()
    first = sections.filter(locale=locale).first() if locale else None
    return first.pk if first else None


class InboxFormView(WagtailAdminTemplateMixin, FormView):
    """A form of the inbox: open to those holding ``permission``, under the Inbox crumb."""

    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.load(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, request, **kwargs) -> None:
        """Read what the view works on, once the user is known to be allowed."""

    def get_breadcrumbs_items(self):
        subtitle = self.get_page_subtitle()
        return [
            *self.breadcrumbs_items,
            {"url": reverse("ingest_inbox:index"), "label": _("Inbox")},
            {"url": "", "label": self.page_title, **({"sublabel": subtitle} if subtitle else {})},
        ]


class CreateDraftView(InboxFormView):
    """“Create draft”: the editor chooses the section (and so the edition); the item becomes a
    draft article there, with its attribution, and the editor lands in the page editor."""

    template_name = "ingest/create_draft.html"
    form_class = DraftForm
    page_title = gettext_lazy("Create draft")
    header_icon = "doc-empty"
    permission = "ingest.change_ingestitem"

    def load(self, request, **kwargs) -> None:
        self.item = get_object_or_404(
            IngestItem.objects.select_related("source", "via"), pk=kwargs["pk"]
        )
        self.sections = sections_for(request.user)

    def get_page_subtitle(self):
        return self.item.headline

    def get_initial(self):
        return {"section": default_section(self.item, self.sections)}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "sections": self.sections,
            "may_translate": self.request.user.has_perm(SUBMIT_TRANSLATION),
            "machine": machine_translation_available(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def form_valid(self, form):
        try:
            page, problems = create_draft(
                item=self.item, section=form.cleaned_data["section"], user=self.request.user
            )
        except DraftError as error:
            messages.error(self.request, str(error))
            return redirect("ingest_inbox:index")
        messages.success(self.request, _("Draft “%(title)s” created.") % {"title": page.title})
        for problem in problems:
            messages.warning(self.request, problem)
        self._translate(page, form.cleaned_data)
        return redirect("wagtailadmin_pages:edit", page.pk)

    def _translate(self, page, data) -> None:
        """Start the translations asked for; a provider failure leaves the draft made and
        says why (its translations can be started again from the page)."""
        locales = [locale for locale in data.get("translate_into") or [] if locale != page.locale]
        if not locales:
            return
        try:
            translate_page(
                page=page, locales=locales, user=self.request.user,
                machine=data.get("machine_translate", False),
            )  # fmt: skip
        except TranslationProviderError as error:
            messages.error(
                self.request,
                _("The translations were not started: the translation service said: %(error)s")
                % {"error": error},
            )
            return
        messages.success(
            self.request,
            _("Translation started into: %(editions)s.")
            % {"editions": ", ".join(locale.get_display_name() for locale in locales)},
        )


class ImportURLForm(forms.Form):
    url = forms.URLField(
        label=gettext_lazy("Address of the article"),
        max_length=1000,
        assume_scheme="https",
        help_text=gettext_lazy(
            "The page is read and its story lands in the inbox, with its attribution."
        ),
    )


class ImportURLView(InboxFormView):
    template_name = "ingest/import_url.html"
    form_class = ImportURLForm
    page_title = gettext_lazy("Import from URL")
    header_icon = "download"
    permission = "ingest.add_ingestitem"

    def form_valid(self, form):
        summary = import_url(form.cleaned_data["url"])
        if summary.rejected:
            form.add_error("url", summary.rejected[0]["reason"])
            return self.form_invalid(form)
        item = summary.items[0]
        if summary.skipped:
            messages.info(
                self.request, _("Already in the inbox: “%(title)s”.") % {"title": item["headline"]}
            )
        elif item["status"] == IngestItem.Status.DUPLICATE:
            messages.warning(
                self.request,
                _("“%(title)s” is in the inbox, marked as a duplicate of an item already there.")
                % {"title": item["headline"]},
            )
        else:
            messages.success(
                self.request, _("“%(title)s” is in the inbox.") % {"title": item["headline"]}
            )
        return redirect("ingest_inbox:inspect", item["id"])
