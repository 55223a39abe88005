from django import forms
from django.utils.translation import gettext_lazy as _

from newsdesk.authors.models import Author
from newsdesk.sections.models import SectionPage

from .services import SORTS


class ReaderSearchForm(forms.Form):
    """The public search's filters. A filter that does not read (a date that is no date,
    a section of another edition) is reported and left out; the search still runs."""

    q = forms.CharField(label=_("Search the stories of this edition"), required=False)
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("All sections"),
    )
    author = forms.ModelChoiceField(
        label=_("Author"),
        queryset=Author.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All authors"),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=list(zip(SORTS, [_("relevance"), _("date")], strict=True)),
        required=False,
    )

    def __init__(self, data, *, locale):
        super().__init__(data)
        self.fields["section"].queryset = (
            SectionPage.objects.live().public().filter(locale=locale).order_by("path")
        )
        self.fields["author"].queryset = Author.objects.filter(locale=locale)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> dict:
        """The filters that read, whatever else was wrong."""
        self.is_valid()
        valid = {
            name: value for name, value in self.cleaned_data.items() if name not in self.errors
        }
        return {
            "section": valid.get("section"),
            "author": valid.get("author"),
            "date_from": valid.get("date_from"),
            "date_to": valid.get("date_to"),
            "sort": valid.get("sort") or "relevance",
        }
