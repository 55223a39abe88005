"""The building blocks of an article body, each rendered as semantic HTML."""

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from newsdesk.lib.html_blocks import sanitise

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading")), ("h3", _("Sub-heading"))], default="h2", label=_("level")
    )

    class Meta:
        icon = "title"
        template = "articles/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """A photo with its caption and credit; both default to the library's values."""

    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        required=False, label=_("caption"), help_text=_("Leave empty to use the image's caption.")
    )
    alt = blocks.CharBlock(
        required=False, label=_("alt text"), help_text=_("Leave empty to use the image's alt text.")
    )
    credit = blocks.CharBlock(
        required=False, label=_("credit"), help_text=_("Leave empty to use the image's credit.")
    )

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    body = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("facts"))

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/fact_box.html"


class RelatedArticleBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(page_type="articles.ArticlePage", label=_("article"))
    label = blocks.CharBlock(
        required=False, label=_("label"), help_text=_("Defaults to “Read also”.")
    )

    class Meta:
        icon = "link"
        template = "articles/blocks/related_article.html"


class ImportedHTMLBlock(blocks.RawHTMLBlock):
    """Markup an import could not turn into a block of its own (a table, a gallery, an
    unknown WordPress block): kept rather than dropped, and sanitised whenever it is saved
    or shown, so no script or event handler ever reaches a reader."""

    def get_prep_value(self, value):
        return sanitise(super().get_prep_value(value) or "")

    def render_basic(self, value, context=None):
        return mark_safe(sanitise(str(value or "")))  # noqa: S308 — sanitised just above

    class Meta:
        icon = "code"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), template="articles/blocks/paragraph.html"
    )
    heading = HeadingBlock(label=_("Heading"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    embed = EmbedBlock(label=_("Embed"), template="articles/blocks/embed.html")
    fact_box = FactBoxBlock(label=_("Fact box"))
    related_article = RelatedArticleBlock(label=_("Related article"))
    imported_html = ImportedHTMLBlock(label=_("Imported HTML"))


def body_text(body) -> str:
    """The readable words of a body, for reading time and search snippets."""
    parts = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "heading":
            parts.append(value["text"])
        elif block.block_type == "quote":
            parts.append(value["quote"])
        elif block.block_type == "imported_html":
            parts.append(" ".join(strip_tags(str(value)).split()))
        elif block.block_type == "fact_box":
            parts.extend([value["title"], strip_tags(value["body"].source)])
    return "\n".join(parts)


def images_missing_credit(lead_image, body) -> list[tuple[str, str]]:
    """``(field, image title)`` for each image a story shows without a credit."""
    missing = [("lead_image", lead_image.title)] if lead_image and not lead_image.credit else []
    for block in body or []:
        if block.block_type == "image" and not (
            block.value["credit"] or block.value["image"].credit
        ):
            missing.append(("body", block.value["image"].title))
    return missing
