"""Compare the markup of a text and its translation: same tags, same placeholders."""

import re
from collections import Counter
from html.parser import HTMLParser

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|\{\w*\}")


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()

    def handle_starttag(self, tag, attrs):
        self.tags[("<", tag, tuple(sorted(attrs)))] += 1

    def handle_startendtag(self, tag, attrs):
        self.tags[("<>", tag, tuple(sorted(attrs)))] += 1

    def handle_endtag(self, tag):
        self.tags[("</", tag, ())] += 1


def markup_signature(text: str) -> Counter:
    """The tags (with their attributes) and placeholders of ``text``, in any order: word
    order changes between languages, markup must not."""
    collector = _TagCollector()
    collector.feed(text)
    collector.close()
    signature = collector.tags
    signature.update(("%", match) for match in PLACEHOLDER.findall(text))
    return signature


def same_markup(source: str, translation: str) -> bool:
    return markup_signature(source) == markup_signature(translation)
