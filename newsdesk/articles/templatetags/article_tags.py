from django import template

from ..models import SourceRelation

register = template.Library()


@register.filter
def author_url(author, page) -> str:
    """The author's profile in the edition of the page that credits them."""
    return author.get_url(page.locale.language_code)


@register.filter
def relation_label(page) -> str:
    return SourceRelation(page.source_relation).label if page.source_relation else ""
