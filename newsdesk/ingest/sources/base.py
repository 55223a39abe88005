"""What every ingest adapter (feeds, ninjs wires, web pages, WordPress exports) shares: the
item it hands to the inbox, its one error type, and the summary an import prints."""

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime


class IngestError(Exception):
    """An item or a file that cannot be imported. ``retryable`` says whether the same input
    may succeed later (a time-out, a 503) or never will (invalid XML, a refused address)."""

    def __init__(self, message: str, *, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


@dataclass
class ItemData:
    """One story as an adapter read it, before it becomes (or updates) an inbox item."""

    key: str  # stable id at the origin: feed GUID, ninjs uri, canonical URL
    origin: str  # IngestItem.Origin
    headline: str
    lede: str = ""
    body_html: str = ""
    authors: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)  # src, alt, caption, credit
    tags: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    modified_at: datetime | None = None
    language: str = ""
    original_url: str = ""
    fetched_url: str = ""
    source_name: str = ""  # the outlet to credit, when it is not ``via``
    source_home_url: str = ""
    via: object = None  # the Source it came through, if any
    raw: str = ""


@dataclass
class Summary:
    """What an import did, item by item: printed as text, or as JSON with ``--json``."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)  # {"item": …, "reason": …}
    items: list[dict] = field(default_factory=list)  # the inbox items, for --json

    def add(self, outcome: str, label: str) -> None:
        getattr(self, outcome).append(label)

    def reject(self, label: str, reason: str) -> None:
        self.rejected.append({"item": label, "reason": reason})

    def merge(self, other: "Summary") -> None:
        for name in ("created", "updated", "skipped", "rejected", "items"):
            getattr(self, name).extend(getattr(other, name))

    def as_dict(self) -> dict:
        data = asdict(self)
        data["counts"] = {
            name: len(data[name]) for name in ("created", "updated", "skipped", "rejected")
        }
        return data

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2, default=str)

    def __str__(self) -> str:
        counts = self.as_dict()["counts"]
        lines = [", ".join(f"{name}: {count}" for name, count in counts.items())]
        lines += [f"  rejected: {r['item']}: {r['reason']}" for r in self.rejected]
        return "\n".join(lines)
