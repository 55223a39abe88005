from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from newsdesk.sections.models import SectionPage

from .models import ArticlePage, NewsTag
from .services import get_month_folder


def tag_page(request, slug: str):
    """Stories of this edition carrying a tag, newest first."""
    tag = get_object_or_404(NewsTag, slug=slug)
    page = (
        ArticlePage.objects.live()
        .public()
        .in_edition(Locale.get_active())
        .filter(tagged_items__tag=tag)
        .listing_page(request.GET.get("page"))
    )
    context = {"tag": tag, "articles": page, "alternates": tag_alternates(tag)}
    return TemplateResponse(request, "articles/tag_page.html", context)


def tag_alternates(tag) -> list[dict]:
    """The editions with published stories under this tag (and always the current one)."""
    codes = set(
        ArticlePage.objects.live()
        .public()
        .filter(tagged_items__tag=tag)
        .values_list("locale__language_code", flat=True)
        .distinct()
    )
    codes.add(translation.get_language())
    alternates = []
    for code in codes:
        with translation.override(code):
            alternates.append({"code": code, "url": reverse("tag", kwargs={"slug": tag.slug})})
    return alternates


def add_article_to_section(request, section_id: int):
    """Open the article editor in this month's folder of a section, creating the folder."""
    section = get_object_or_404(SectionPage, pk=section_id)
    if not section.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    folder = get_month_folder(section=section)
    return redirect(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk)))
