from django import template

from newsdesk.distribution.structured_data import article_json_ld as build_article_json_ld
from newsdesk.lib.html import json_ld

from ..models import SourceRelation

register = template.Library()


@register.simple_tag(takes_context=True)
def article_json_ld(context, page, authors):
    return json_ld(build_article_json_ld(page, context["request"], authors))


@register.filter
def author_url(author, page) -> str:
    """The author's profile in the edition of the page that credits them."""
    return author.get_url(page.locale.language_code)


@register.filter
def relation_label(page) -> str:
    return SourceRelation(page.source_relation).label if page.source_relation else ""
