"""Text that XML can carry."""

import re

# Everything outside XML 1.0's Char production: C0 controls but tab, newline and carriage
# return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """``value`` with every character XML 1.0 cannot hold removed (escaping is the
    writer's job); lists, tuples and dicts are cleaned all the way down, other values are
    returned as they are."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_text(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(xml_text(item) for item in value)
    return value
