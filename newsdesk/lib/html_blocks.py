"""Imported HTML (a web page's article, a wire's ``body_html``, a WordPress post) made safe
and split into the kinds of block an article body is made of.

``sanitise`` keeps the markup a story needs and drops scripts, styles, event handlers and
any URL that is not http(s) or mailto (nh3). ``html_to_blocks`` walks the sanitised HTML
and returns neutral blocks; turning them into StreamField data (which needs images in the
library) is the ingest services' job. Nothing is dropped: markup with no block of its own
(a table, a gallery, an unknown WordPress block) comes back as ``("html", …)``.
"""

import re
from dataclasses import dataclass, field
from html import escape

import lxml.html
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
INLINE = {
    "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "time", "u",
}  # fmt: skip
WRAPPERS = {"div", "span"}
# “Photo : X/@ZelenskyyUa”, “Ảnh: TTXVN”, “Crédit : AFP”, “© Reuters”: the credit part of
# a caption.
CREDIT = re.compile(
    r"(?:^|(?<=[.!?…)\]»\s]))\s*((?:Photos?|Ảnh|Crédits?|Credits?|Source|Nguồn)\s*:\s*.+|©.+)$",
    re.IGNORECASE,
)
_BLOCK_LEVEL = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|blockquote|figure|table|pre|hr|dl)\b", re.IGNORECASE
)


@dataclass
class Block:
    kind: str  # paragraph, heading, quote, image, html
    html: str = ""
    text: str = ""
    level: str = ""  # headings: h2 or h3
    attribution: str = ""  # quotes
    image: dict = field(default_factory=dict)  # images: src, alt, caption, credit


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
        strip_comments=True,
    )


def autop(text: str) -> str:
    """WordPress's classic editor stores paragraphs as blank lines: give them ``<p>``."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    paragraphs = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_LEVEL.match(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(paragraphs)


def split_caption(text: str) -> tuple[str, str]:
    """``(caption, credit)`` of a caption line that ends with its credit."""
    text = " ".join(text.split())
    match = CREDIT.search(text)
    if not match or match.start(1) == 0 and text.startswith(("Source", "Nguồn")):
        return text, ""
    return text[: match.start(1)].strip(), match.group(1).strip()


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def _inner_html(element) -> str:
    parts = [escape(element.text, quote=False) if element.text else ""]
    parts += [lxml.html.tostring(child, encoding="unicode") for child in element]
    return "".join(parts).strip()


def _outer_html(element) -> str:
    return lxml.html.tostring(element, encoding="unicode", with_tail=False).strip()


def _image(element, figure=None) -> Block:
    caption_el = figure.find(".//figcaption") if figure is not None else None
    caption, credit = "", ""
    if caption_el is not None:
        small = caption_el.find(".//small")  # blocks_to_html marks the credit so
        if small is not None:
            credit = text_of(small)
            small.drop_tree()
            caption = text_of(caption_el)
        else:
            caption, credit = split_caption(text_of(caption_el))
    return Block(
        "image",
        image={
            "src": element.get("src", ""),
            "alt": element.get("alt", "") or "",
            "caption": caption or element.get("title", "") or "",
            "credit": credit,
        },
    )


def _quote(element) -> Block:
    cite = element.find(".//cite")
    attribution = text_of(cite) if cite is not None else ""
    if cite is not None:
        cite.drop_tree()
    paragraphs = [text_of(p) for p in element.findall(".//p")] or [text_of(element)]
    return Block(
        "quote", text="\n".join(p for p in paragraphs if p), attribution=attribution.lstrip("—– ")
    )


def _plain_quote(element) -> bool:
    """A quotation a quote block holds whole: text, or paragraphs and a ``<cite>``."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        return True
    loose = (element.text or "") + "".join(child.tail or "" for child in children)
    return not loose.strip() and all(child.tag in ("p", "cite", "footer") for child in children)


def _text_beside(figure) -> bool:
    """Whether a figure holds words outside its caption (an image block would lose them)."""
    caption = figure.find(".//figcaption")
    caption_words = len(text_of(caption).split()) if caption is not None else 0
    return len(text_of(figure).split()) > caption_words


def _walk(element, blocks: list[Block]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in HEADINGS:
        if text := text_of(element):
            blocks.append(Block("heading", text=text, level=HEADINGS[tag]))
    elif tag == "p":
        images = element.findall(".//img")
        if images and not element.text_content().strip():
            blocks.extend(_image(img) for img in images)
        elif element.text_content().strip():
            blocks.append(Block("paragraph", html=f"<p>{_inner_html(element)}</p>"))
    elif tag in ("ul", "ol"):
        if element.text_content().strip():
            blocks.append(Block("paragraph", html=_outer_html(element)))
    elif tag == "blockquote":
        if not _plain_quote(element):
            blocks.append(Block("html", html=_outer_html(element)))
        elif (quote := _quote(element)).text:
            blocks.append(quote)
    elif tag == "img":
        blocks.append(_image(element))
    elif tag == "figure":
        images = element.findall(".//img")
        if len(images) == 1 and element.find(".//table") is None and not _text_beside(element):
            blocks.append(_image(images[0], element))
        elif element.find(".//blockquote") is not None and not images:
            for child in element:
                _walk(child, blocks)
        else:
            blocks.append(Block("html", html=_outer_html(element)))
    elif tag == "hr":
        return
    elif tag in WRAPPERS or tag in ("section", "article", "main", "body"):
        _walk_children(element, blocks)
    elif tag and (element.text_content().strip() or element.find(".//img") is not None):
        blocks.append(Block("html", html=_outer_html(element)))


def _walk_children(element, blocks: list[Block]) -> None:
    """Children of a wrapper: block elements each make a block; runs of loose text and
    inline elements between them make a paragraph."""
    run: list[str] = [escape(element.text, quote=False)] if element.text else []

    def flush():
        html = "".join(run).strip()
        run.clear()
        if html and lxml.html.fragment_fromstring(html, create_parent="p").text_content().strip():
            blocks.append(Block("paragraph", html=f"<p>{html}</p>"))

    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in INLINE:
            run.append(lxml.html.tostring(child, encoding="unicode"))
            continue
        flush()
        _walk(child, blocks)
        if child.tail:
            run.append(escape(child.tail, quote=False))
    flush()


def html_to_blocks(html: str) -> list[Block]:
    """Blocks of an HTML fragment, in order, after sanitising it."""
    clean = sanitise(html)
    if not clean.strip():
        return []
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    for strong in root.iter("strong"):
        strong.tag = "b"
    for em in root.iter("em"):
        em.tag = "i"
    blocks: list[Block] = []
    _walk_children(root, blocks)
    return blocks


def html_text(html: str) -> str:
    """The words of an HTML fragment, as one line."""
    return text_of(lxml.html.fragment_fromstring(html, create_parent="div")) if html else ""


def block_text(block: Block) -> str:
    """The readable words of one block (an image's: its caption and credit)."""
    if block.kind in ("paragraph", "html"):
        return html_text(block.html)
    if block.kind == "image":
        return " ".join(filter(None, [block.image.get("caption"), block.image.get("credit")]))
    return block.text


def plain_text(html: str) -> str:
    """The readable words of an HTML fragment, one line per block."""
    return "\n".join(line for block in html_to_blocks(html) if (line := block_text(block)))


def blocks_to_html(blocks: list[Block]) -> str:
    """The HTML of a list of blocks, which ``html_to_blocks`` reads back to the same blocks."""
    parts = []
    for block in blocks:
        if block.kind in ("paragraph", "html"):
            parts.append(block.html)
        elif block.kind == "heading":
            parts.append(f"<{block.level}>{escape(block.text, quote=False)}</{block.level}>")
        elif block.kind == "quote":
            paragraphs = "".join(
                f"<p>{escape(line, quote=False)}</p>" for line in block.text.split("\n")
            )
            cite = (
                f"<cite>{escape(block.attribution, quote=False)}</cite>"
                if block.attribution
                else ""
            )
            parts.append(f"<blockquote>{paragraphs}{cite}</blockquote>")
        elif block.kind == "image":
            image = block.image
            caption = escape(image.get("caption", ""), quote=False)
            if image.get("credit"):
                caption = f"{caption} <small>{escape(image['credit'], quote=False)}</small>".strip()
            figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
            parts.append(
                f'<figure><img src="{escape(image.get("src", ""))}" '
                f'alt="{escape(image.get("alt", ""))}">{figcaption}</figure>'
            )
    return "\n".join(parts)
