"""ninjs wires: items in IPTC's News in JSON, versions 2.x and 3.x, dropped as files
(``import_ninjs``) or pushed by an agency to ``/api/ingest/ninjs/``.

Every item is checked against IPTC's own schema for its version (shipped in
``ingest/schemas/ninjs/``; a ``$ref`` is never fetched) before anything is read from it, so
an item is either wholly in the inbox or rejected with the JSON path of what is wrong.

2.x spells its properties in lower case (``versioncreated``, ``copyrightholder``,
``altids``), 3.x in camel case (``versionCreated``…) and adds events and planning; both have
``headlines``/``bodies``/``descriptions`` arrays and ``associations`` as an array of named
objects. ninjs 1.x (``headline``, ``body_html``, associations keyed by name) is refused. An
item follows the version it declares (``$schema``, ``standard.schema`` or
``standard.version``); one that declares none is read by its spelling, else by the latest
schema.
"""

import functools
import hashlib
import json
import re
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import lxml.etree
import lxml.html
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from newsdesk.lib.html_blocks import plain_text

from ..models import IngestItem
from ..services import item_as_dict, record_item
from .base import IngestError, ItemData, Summary

MAX_BYTES = 10 * 1024 * 1024  # a wire item is a few kB; a 10 MB one is a mistake or worse
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "ninjs"
SCHEMAS = ("2.1", "3.0", "3.1")  # ninjs-schema_<version>.json in SCHEMA_DIR
LATEST = {"2": "2.1", "3": "3.1"}

# Properties only one spelling has: they tell 3.x from 2.x when an item declares nothing.
CAMEL_CASE = {
    "altIds", "contentCreated", "copyrightHolder", "copyrightNotice", "digitalSourceType",
    "edNote", "embargoedUntil", "eventDetails", "firstCreated", "infoSources",
    "plannedCoverage", "pubStatus", "representationType", "rightsInfo", "trustIndicators",
    "usageTerms", "versionCreated",
}  # fmt: skip
LOWER_CASE = {name.lower() for name in CAMEL_CASE} - {"embargoeduntil"} | {"embargoed"}
NINJS_1 = {"headline", "body_text", "body_html", "description_text", "description_html"}
DECLARED_SCHEMA = re.compile(r"ninjs-schema_(\d+)\.(\d+)")
DECLARED_VERSION = re.compile(r"\s*(\d+)\.(\d+)(?:\.\d+)*\s*")
RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)")

# Description roles that are not the item's text.
NOT_TEXT = {"creditline", "credit", "writer", "byline", "copyright", "note", "ednote"}
LEDE_ROLES = ("summary", "lead", "abstract", "teaser", "text", "caption", "")
CAPTION_ROLES = ("caption", "text", "summary", "")
HTML_TYPES = {"text/html", "text/html5", "application/xhtml+xml"}
AUTHOR_RELS = {"author", "creator", "writer", "byline", "contributor"}
BYLINE_PREFIX = re.compile(r"^(?:by|von|par|av|af|door|por|bởi)\s+", re.IGNORECASE)
BYLINE_SEPARATOR = re.compile(r"\s*(?:[;,/&]|\s(?:and|und|et|og|och|và)\s)\s*", re.IGNORECASE)
COPYRIGHT_NOTICE = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^,.;(]+)",
    re.IGNORECASE,
)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


# Reading and validating ---------------------------------------------------------------


def parse(content: bytes | str) -> tuple[dict, str]:
    """The item in ``content`` and its text, or ``IngestError`` saying why it is none."""
    if len(content) > MAX_BYTES:
        raise IngestError(_too_large(len(content)))
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise IngestError(f"not UTF-8 text (byte {error.start})") from None
    if not content.strip():
        raise IngestError("empty: no ninjs item")
    try:
        item = json.loads(content, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        if error.pos >= len(content.rstrip()) or _unclosed(content):
            raise IngestError("not valid JSON: it ends before the item does (truncated?)") from None
        raise IngestError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except (ValueError, RecursionError) as error:
        raise IngestError(f"not valid JSON: {error}") from None
    if not isinstance(item, dict):
        raise IngestError(f"not a ninjs item: the JSON is {_json_kind(item)}, not an object")
    return item, content


def validate(item: dict) -> str:
    """The ninjs version ``item`` is valid against, or ``IngestError`` naming the first
    property that is not (its JSON path, e.g. ``associations[0]: 'uri' is a required
    property``)."""
    version = schema_version(item)
    document = {name: value for name, value in item.items() if name != "$schema"}
    try:
        error = best_match(_validator(version).iter_errors(document))
    except RecursionError:
        raise IngestError("nested too deeply to be a ninjs item") from None
    if error is not None:
        raise IngestError(f"{_describe(error)} (ninjs {version} schema)")
    return version


def schema_version(item: dict) -> str:
    """The schema ``item`` is checked against: the version it declares when we have that
    schema, else the one its spelling says (3.x camel case, 2.x lower case), else the
    latest of the major version it declares."""
    declared = declared_version(item)
    if declared in SCHEMAS:
        return declared
    major = declared.partition(".")[0]
    associations = item.get("associations")
    if major == "1" or (
        not declared
        and (NINJS_1 & item.keys() or isinstance(associations, dict))
        and not {"headlines", "bodies", "descriptions"} & item.keys()
    ):
        raise IngestError(
            "ninjs 1.x (headline, body_html, associations by name) is not accepted: "
            "send ninjs 2.x or 3.x"
        )
    names = set(item)
    for association in associations if isinstance(associations, list) else []:
        names |= set(association) if isinstance(association, dict) else set()
    if names & CAMEL_CASE:
        return LATEST["3"]
    if names & LOWER_CASE:
        return LATEST["2"]
    return LATEST.get(major, LATEST["3"])


def declared_version(item: dict) -> str:
    """``"2.1"`` for an item that declares ``…/ninjs-schema_2.1.json`` (as ``$schema`` or
    ``standard.schema``) or ``standard.version`` 2.1; ``""`` when it declares nothing."""
    candidates = [item.get("$schema")]
    for name in ("standard", "$standard"):
        if isinstance(standard := item.get(name), dict):
            candidates += [standard.get("schema"), standard.get("version")]
    for value in candidates:
        if not isinstance(value, str):
            continue
        match = DECLARED_SCHEMA.search(value) or DECLARED_VERSION.fullmatch(value)
        if match:
            return f"{int(match[1])}.{int(match[2])}"
    return ""


FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    """RFC 3339 (jsonschema checks ``date-time`` only with an extra package installed)."""
    if not isinstance(value, str):
        return True
    if not RFC3339.fullmatch(value):
        return False
    datetime.fromisoformat(value.upper())  # a 31 February raises ValueError
    return True


@functools.cache
def _validator(version: str) -> Draft202012Validator:
    geojson = _schema("GeoJSON-schema.json")
    registry = Registry().with_resource(geojson["$id"], Resource.from_contents(geojson))
    return Draft202012Validator(
        _schema(f"ninjs-schema_{version}.json"), registry=registry, format_checker=FORMATS
    )


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _describe(error) -> str:
    where = ""
    for part in error.absolute_path:
        where += f"[{part}]" if isinstance(part, int) else f"{'.' if where else ''}{part}"
    message = error.message
    shown = repr(error.instance)
    if len(shown) > 60 and message.startswith(shown):
        message = "the value" + message[len(shown) :]
    if len(message) > 300:
        message = message[:299] + "…"
    return f"{where}: {message}" if where else message


def _unclosed(text: str) -> bool:
    """Whether ``text`` stops inside a string, an object or an array (a cut-off file)."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if escaped:
            escaped = False
        elif in_string:
            escaped, in_string = char == "\\", char != '"'
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return in_string or depth > 0


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _json_kind(value) -> str:
    kinds = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def _too_large(size: int) -> str:
    return f"too large ({size:,} bytes): the limit is {MAX_BYTES // (1024 * 1024)} MB"


# What the inbox takes of an item ------------------------------------------------------


def item_data(item: dict, *, raw: str = "", via=None) -> ItemData:
    """The inbox item for a valid ninjs ``item`` (either version). Text, pictures, audio,
    video and events are taken when they have a headline (``headlines``, else ``title``,
    else ``slugline``); an item withdrawn by the agency is refused."""
    doc = _lower_keys(item)
    kind = doc.get("type") or "item"
    status = doc.get("pubstatus")
    if status in ("canceled", "withheld"):
        raise IngestError(f"withdrawn by the agency (pubstatus {status}): not taken")
    headline = (
        _text(_pick(doc.get("headlines"), ("main", "")))
        or _clean(doc.get("title"))
        or _clean(doc.get("slugline"))
    )
    if not headline:
        raise IngestError(f"no headline: a ninjs {kind} with no headline, title or slugline")
    outlet = _outlet(doc)
    via_name = via.name.casefold() if via is not None else ""
    uri = doc["uri"]
    key = f"ninjs:{uri}"
    return ItemData(
        key=key if len(key) <= 700 else f"ninjs:sha256:{hashlib.sha256(uri.encode()).hexdigest()}",
        origin=IngestItem.Origin.NINJS,
        headline=headline,
        lede=_text(_pick(doc.get("descriptions"), LEDE_ROLES, exclude=NOT_TEXT)),
        body_html=_body_html(doc.get("bodies"), headline),
        authors=_authors(doc, ignore={outlet.casefold(), via_name} - {""}),
        images=_images(doc),
        tags=_unique(s.get("name") for s in doc.get("subjects") or [] if isinstance(s, dict)),
        published_at=_date(doc.get("firstcreated")) or _date(doc.get("versioncreated")),
        modified_at=_date(doc.get("versioncreated")),
        language=_clean(doc.get("language")),
        original_url=_original_url(doc),
        source_name="" if via is not None else outlet,
        via=via,
        raw=raw,
    )


def _lower_keys(value):
    """The item with 3.x's camel-case property names in 2.x's lower case."""
    if isinstance(value, dict):
        return {str(name).lower(): _lower_keys(inner) for name, inner in value.items()}
    if isinstance(value, list):
        return [_lower_keys(inner) for inner in value]
    return value


def _pick(entries, roles, *, exclude=()) -> dict:
    """The first of ``entries`` (headlines, descriptions…) in the order of ``roles``
    (``""`` for one without a role), else the first whose role is not excluded."""
    entries = [
        entry
        for entry in entries or []
        if isinstance(entry, dict)
        and (entry.get("role") or "").lower() not in exclude
        and _clean(entry.get("value"))
    ]
    for role in roles:
        for entry in entries:
            if (entry.get("role") or "").lower() == role:
                return entry
    return entries[0] if entries else {}


def _content_type(entry: dict) -> str:
    return (entry.get("contenttype") or "").split(";")[0].strip().lower()


def _text(entry: dict) -> str:
    value = entry.get("value") or ""
    if _content_type(entry) in HTML_TYPES:
        value = plain_text(value)
    return _clean(value)


def _clean(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _body_html(bodies, headline: str) -> str:
    """The item's HTML body, else its plain-text body in paragraphs (NITF and other XML
    bodies are left in the raw payload)."""
    bodies = [body for body in bodies or [] if isinstance(body, dict) and body.get("value")]
    for body in bodies:
        if _is_html(body):
            return _html_fragment(body["value"], headline)
    for body in bodies:
        if _content_type(body) in ("", "text/plain"):
            return _paragraphs(body["value"], headline)
    return ""


def _is_html(body: dict) -> bool:
    content_type = _content_type(body)
    if content_type:
        return content_type in HTML_TYPES
    return bool(re.search(r"<(?:p|div|br|section|body|article)\b", body["value"], re.IGNORECASE))


def _html_fragment(html: str, headline: str) -> str:
    """What is inside ``<body>`` when the body is a whole document, without an ``<h1>``
    that repeats the headline."""
    inside = re.search(r"<body\b[^>]*>(.*?)(?:</body>|$)", html, re.IGNORECASE | re.DOTALL)
    html = re.sub(r"^\s*<\?xml[^>]*>", "", inside.group(1) if inside else html)
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html  # record_item sanitises it as it is
    first = next(root.iter("h1"), None)
    if first is not None and _clean(first.text_content()) == headline:
        first.drop_tree()
    return (escape(root.text or "", quote=False)) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )


def _paragraphs(text: str, headline: str) -> str:
    text = text.replace("\r\n", "\n").strip()
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    chunks = [_clean(chunk) for chunk in re.split(separator, text)]
    if chunks and chunks[0] == headline:
        chunks = chunks[1:]
    return "".join(f"<p>{escape(chunk, quote=False)}</p>" for chunk in chunks if chunk)


def _authors(doc: dict, *, ignore: set[str]) -> list[str]:
    """The names in the byline (“Von Christian Hollmann, dpa” → Christian Hollmann: the
    agency credited as the source is not an author), then the people the item says wrote
    it."""
    byline = BYLINE_PREFIX.sub("", _clean(doc.get("by")))
    names = [name for name in BYLINE_SEPARATOR.split(byline) if name.casefold() not in ignore]
    for person in doc.get("people") or []:
        rel = (person.get("rel") or "").rstrip("/").rsplit("/", 1)[-1].lower()
        if rel in AUTHOR_RELS:
            names.append(_clean(person.get("name")))
    return _unique(names)


def _outlet(doc: dict) -> str:
    """The outlet to credit: the copyright holder, else the credit line, else the name in
    the copyright notice (“Copyright 2019 The Associated Press, …”)."""
    notice = COPYRIGHT_NOTICE.match(doc.get("copyrightnotice") or "")
    return (
        _clean(doc.get("copyrightholder"))
        or _role_text(doc.get("descriptions"), ("creditline", "credit"))
        or (_clean(notice["name"])[:100] if notice else "")
    )


def _role_text(entries, roles) -> str:
    """The text of the first of ``entries`` whose role is one of ``roles``."""
    for entry in entries or []:
        role = (entry.get("role") or "").lower() if isinstance(entry, dict) else None
        if role in roles and (text := _text(entry)):
            return text
    return ""


def _images(doc: dict) -> list[dict]:
    """The item itself when it is a picture, and its picture associations: each with the
    largest rendition (or the one named ``original``/``baseImage``), its caption and
    credit."""
    pictures = [doc] if _is_picture(doc, own=True) else []
    pictures += [a for a in doc.get("associations") or [] if _is_picture(a)]
    images = []
    for picture in pictures:
        src = _image_src(picture.get("renditions") or [])
        if not src:
            continue
        caption = _text(_pick(picture.get("descriptions"), CAPTION_ROLES, exclude=NOT_TEXT))
        title = _text(_pick(picture.get("headlines"), ("main", "")))
        images.append(
            {"src": src, "alt": title or caption, "caption": caption, "credit": _credit(picture)}
        )
    return images


def _is_picture(obj, *, own: bool = False) -> bool:
    if not isinstance(obj, dict):
        return False
    kind = obj.get("type")
    if kind in ("picture", "graphic"):
        return True
    return not kind and not own and any(_is_image(r) for r in obj.get("renditions") or [])


def _is_image(rendition) -> bool:
    if not isinstance(rendition, dict) or not _is_http(rendition.get("href")):
        return False
    content_type = _content_type(rendition)
    if content_type:
        return content_type.startswith("image/")
    return rendition["href"].split("?")[0].lower().endswith(IMAGE_SUFFIXES)


def _image_src(renditions: list) -> str:
    images = [r for r in renditions if _is_image(r)]
    for rendition in images:
        if (rendition.get("name") or "").lower() in ("original", "baseimage"):
            return rendition["href"]

    def size(rendition):
        width, height = rendition.get("width") or 0, rendition.get("height") or 0
        return (width * height, rendition.get("sizeinbytes") or 0)

    return max(images, key=size)["href"] if images else ""


def _credit(picture: dict) -> str:
    """“ASSOCIATED PRESS” (a credit line), “Karl Melander/TT” (``by``), with the copyright
    holder when the rest does not name it: “Insidefoto / SIPA USA”."""
    credit = _role_text(picture.get("descriptions"), ("creditline", "credit")) or _clean(
        picture.get("by")
    )
    holder = _clean(picture.get("copyrightholder"))
    if holder and holder.casefold() not in credit.casefold():
        credit = f"{credit} / {holder}" if credit else holder
    return credit


def _date(value) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().upper())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _original_url(doc: dict) -> str:
    if _is_http(doc.get("uri")):
        return doc["uri"]
    for altid in doc.get("altids") or []:
        if isinstance(altid, dict) and _is_http(altid.get("value")):
            return altid["value"]
    return ""


def _is_http(value) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _unique(values) -> list[str]:
    seen, unique = set(), []
    for value in values:
        value = _clean(value)
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            unique.append(value)
    return unique


# Into the inbox -----------------------------------------------------------------------


def receive(content: bytes | str, *, via=None) -> tuple[IngestItem, str]:
    """Parse, validate and record one ninjs item: the inbox item and ``created``,
    ``updated`` or ``skipped``; ``IngestError`` when it is refused (nothing is stored)."""
    item, text = parse(content)
    validate(item)
    try:
        data = item_data(item, raw=text, via=via)
    except RecursionError:
        raise IngestError("nested too deeply to be a ninjs item") from None
    return record_item(data)


def import_files(paths, *, via=None) -> Summary:
    """Each file (or each ``.json`` file of a folder) into the inbox; a file that is refused
    is reported with the reason and the others go on."""
    files, unreadable = _files(paths)
    summary = Summary(rejected=unreadable)
    for path in files:
        try:
            item, outcome = receive(read_file(path), via=via)
        except IngestError as error:
            summary.reject(str(path), str(error))
            continue
        summary.add(outcome, item.headline)
        summary.items.append(item_as_dict(item))
    return summary


def check_files(paths) -> tuple[list[dict], list[dict]]:
    """``(valid, invalid)``: each file with its ninjs version, or the reason it is not a
    valid ninjs item. Nothing is stored."""
    files, invalid = _files(paths)
    valid = []
    for path in files:
        try:
            item, _text = parse(read_file(path))
            version = validate(item)
        except IngestError as error:
            invalid.append({"item": str(path), "reason": str(error)})
        else:
            valid.append({"item": str(path), "version": version})
    return valid, invalid


def read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(_too_large(size))
        with path.open("rb") as file:
            return file.read(MAX_BYTES + 1)
    except OSError as error:
        raise IngestError(f"cannot read the file ({error.strerror})") from None


def _files(paths) -> tuple[list[Path], list[dict]]:
    """The files named, a folder standing for its ``.json`` files; and the empty folders."""
    files, empty = [], []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                empty.append({"item": str(path), "reason": "no .json file in this folder"})
            files += found
        else:
            files.append(path)
    return files, empty
