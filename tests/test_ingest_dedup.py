"""The same story twice in the inbox is flagged, not hidden: from two feeds, with a tracking
query string, or rewritten by a few words; a different story is not."""

from pathlib import Path

import lxml.html
import pytest

from newsdesk.ingest.models import IngestItem, Source
from newsdesk.ingest.services import record_item
from newsdesk.ingest.sources.base import ItemData

pytestmark = pytest.mark.django_db

# The model page's story: a real article's length, as near-duplicates are judged on.
STORY = " ".join(
    p.text_content()
    for p in lxml.html.parse(Path(__file__).parent / "data" / "model_page.html").iterfind(
        ".//article//p"
    )
)


def arrive(key, *, url="", text=STORY, headline="Renseignements : Washington continue", via=None):
    item, outcome = record_item(
        ItemData(
            key=key,
            origin="feed",
            headline=headline,
            body_html=f"<p>{text}</p>",
            original_url=url,
            via=via,
        )  # fmt: skip
    )
    return item, outcome


def test_the_same_url_from_two_feeds_is_a_duplicate():
    first, _ = arrive("feed:1:a", url="https://vietnamnet.vn/koursk-2378715.html",
                      via=Source.objects.create(name="A"))  # fmt: skip
    second, outcome = arrive(
        "feed:2:b",
        url="https://VIETNAMNET.vn/koursk-2378715.html?utm_source=rss&utm_medium=feed#top",
        text="Un autre texte, sans rapport, dans un autre flux d'information régional.",
        via=Source.objects.create(name="B"),
    )
    assert outcome == "created"
    assert first.status == IngestItem.Status.NEW
    assert second.status == IngestItem.Status.DUPLICATE
    assert second.duplicate_of == first


def test_a_lightly_edited_copy_is_a_near_duplicate():
    first, _ = arrive("feed:1:a", url="https://a.example/1")
    edited = STORY.replace("Plus précisément", "En détail").replace(
        "Du côté russe, Moscou", "Moscou, de son côté,"
    )
    second, _ = arrive("feed:2:b", url="https://b.example/2", text=edited)
    assert second.status == IngestItem.Status.DUPLICATE
    assert second.duplicate_of == first


def test_a_different_story_is_not_a_duplicate():
    arrive("feed:1:a", url="https://a.example/1")
    other, _ = arrive(
        "feed:1:b",
        url="https://a.example/2",
        headline="Le riz de Nghe An conquiert de nouveaux marchés",
        text="Les coopératives de Nghe An exportent leur riz parfumé vers le Japon et la Corée "
        "du Sud, où les acheteurs apprécient sa qualité et sa traçabilité depuis la récolte.",
    )
    assert other.status == IngestItem.Status.NEW and other.duplicate_of is None


def test_a_second_arrival_of_the_same_item_updates_it_and_keeps_the_editors_status():
    item, _ = arrive("feed:1:a", url="https://a.example/1")
    item.status = IngestItem.Status.DISCARDED
    item.save()
    again, outcome = arrive("feed:1:a", url="https://a.example/1")
    assert outcome == "skipped"
    changed, outcome = arrive("feed:1:a", url="https://a.example/1", text=STORY + " Mise à jour.")
    assert outcome == "updated"
    assert changed.status == IngestItem.Status.DISCARDED
    assert IngestItem.objects.count() == 1


def test_an_older_version_arriving_late_does_not_replace_the_newer():
    from datetime import UTC, datetime

    def version(text, hour):
        return record_item(
            ItemData(
                key="ninjs:urn:x",
                origin="ninjs",
                headline="Dépêche",
                body_html=f"<p>{text}</p>",
                modified_at=datetime(2025, 3, 9, hour, tzinfo=UTC),
            )  # fmt: skip
        )

    version("Deuxième version, corrigée.", 10)
    item, outcome = version("Première version.", 9)
    assert outcome == "skipped"
    assert item.body_text == "Deuxième version, corrigée."
