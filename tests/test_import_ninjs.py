"""Wire copy in IPTC ninjs (2.x and 3.x) from files: ``import_ninjs`` checks each item against
IPTC's schema, maps it into the inbox (headline, body, byline, dates, language, pictures
with their captions and credits, subjects as tags) and is idempotent on the item's uri;
``--validate`` only checks, and agrees with IPTC's own test suite."""

import io
import json
import shutil
import socket
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsdesk.ingest.models import IngestItem, Source
from newsdesk.ingest.sources import ninjs

pytestmark = pytest.mark.django_db

# What each of IPTC's should_fail files must be refused for: the field the message names.
SHOULD_FAIL = {
    "2.1/should_fail/001_bad_association.json": "associations[0]: Unevaluated properties are "
    "not allowed ('incorrectproperty' was unexpected)",
    "2.1/should_fail/002_good_association_but_no_name.json": "associations[0]: 'name' is a "
    "required property",
    "2.1/should_fail/003_good_association_but_no_uri.json": "associations[0]: 'uri' is a "
    "required property",
    "2.1/should_fail/004_bad_rights.json": "rightsinfo: ",
    "3.0/should_fail/001_bad_geojson.json": "places[2].geojson: ",
    "3.0/should_fail/001_bad_toplevel.json": "'random' was unexpected",
    "3.0/should_fail/002_bad_association.json": "associations[0]: 'name' is a required property",
    "3.0/should_fail/003_event_with_conflicting_start.json": "eventDetails.dates: ",
    "3.0/should_fail/004_event_with_renditions.json": "eventDetails.dates: ",
    "3.0/should_fail/004_invalid_truncated_date.json": "eventDetails.dates: ",
    "3.0/should_fail/005_planned_coverage_bad_urgency.json": "plannedCoverage[3]: ",
    "3.0/should_fail/006_bad_urgency.json": "urgency: 0.1 is not of type 'integer'",
    "3.1/should_fail/001_bad_digital_source.json": "digitalSourceType: 'bad' is not of type",
}


def import_ninjs(*args):
    """Run ``import_ninjs … --json``: the summary it prints and its exit status."""
    out = io.StringIO()
    try:
        call_command("import_ninjs", *map(str, args), "--json", stdout=out)
    except SystemExit as exit:
        return json.loads(out.getvalue()), exit.code
    return json.loads(out.getvalue()), 0


def agency_files(shared_fixtures, version):
    return sorted((shared_fixtures / "ninjs" / "agencies" / version).glob("*.json"))


def imported(shared_fixtures, path):
    summary, status = import_ninjs(shared_fixtures / "ninjs" / "agencies" / path)
    assert status == 0, summary["rejected"]
    return summary["items"][0]


@pytest.mark.parametrize("version", ["2.1", "3.0"])
def test_every_agency_item_imports(shared_fixtures, version):
    files = agency_files(shared_fixtures, version)
    summary, status = import_ninjs(*files)
    assert status == 0
    assert summary["rejected"] == []
    # imageEncodedRights.json and imageLinkedRights.json are the same item (same uri) with
    # its rights said two ways: the second is that item again, not another one.
    uris = {json.loads(path.read_text())["uri"] for path in files}
    assert summary["counts"]["created"] == len(uris) == IngestItem.objects.count()
    assert summary["counts"]["created"] + summary["counts"]["skipped"] == len(files)
    assert set(IngestItem.objects.values_list("origin", flat=True)) == {"ninjs"}


def test_importing_twice_creates_nothing(shared_fixtures):
    folder = shared_fixtures / "ninjs" / "agencies" / "3.0"
    first, _status = import_ninjs(folder)
    again, status = import_ninjs(folder)
    assert status == 0
    assert again["counts"] == {
        "created": 0,
        "updated": 0,
        "skipped": len(agency_files(shared_fixtures, "3.0")),
        "rejected": 0,
    }
    assert IngestItem.objects.count() == first["counts"]["created"]


def test_the_same_items_in_2_1_and_3_0_read_the_same(shared_fixtures):
    """IPTC publishes each agency item in both versions: read either way, it is the same
    inbox item, so the 3.0 copies of the 2.1 items change nothing."""
    import_ninjs(shared_fixtures / "ninjs" / "agencies" / "2.1")
    summary, _status = import_ninjs(shared_fixtures / "ninjs" / "agencies" / "3.0")
    shared = {json.loads(path.read_text())["uri"] for path in agency_files(shared_fixtures, "2.1")}
    assert summary["counts"]["updated"] == 0
    assert summary["counts"]["skipped"] == len(agency_files(shared_fixtures, "2.1"))
    assert IngestItem.objects.filter(key__in=[f"ninjs:{uri}" for uri in shared]).count() == len(
        shared
    )


def test_a_changed_item_with_the_same_uri_is_updated(shared_fixtures, tmp_path):
    original = shared_fixtures / "ninjs" / "agencies" / "2.1" / "ntb_text.json"
    import_ninjs(original)
    item = json.loads(original.read_text())
    item["headlines"][0]["value"] = "Google har kjøpt enda en giganttomt i Skien"
    item["version"] = "7"
    changed = tmp_path / "ntb_text_v7.json"
    changed.write_text(json.dumps(item), encoding="utf-8")

    summary, status = import_ninjs(changed)

    assert status == 0
    assert summary["counts"] == {"created": 0, "updated": 1, "skipped": 0, "rejected": 0}
    stored = IngestItem.objects.get()
    assert stored.key == "ninjs:urn:8d19cf88-b3ab-4972-8fec-1207599f2872"
    assert stored.headline == "Google har kjøpt enda en giganttomt i Skien"
    assert '"version": "7"' in stored.raw


# Mapping ------------------------------------------------------------------------------


def test_a_2_1_text_item_with_its_byline_body_and_date(shared_fixtures):
    item = imported(shared_fixtures, "2.1/dpa_text.json")
    assert item["key"] == "ninjs:urn:newsml:dpa.com:20090101:190510-99-167362"
    assert item["headline"] == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    # “Von Christian Hollmann, dpa”: the agency is the source, not an author.
    assert item["authors"] == ["Christian Hollmann"]
    assert item["source"]["name"] == "dpa"
    assert item["body_text"].startswith("Für Lucien Favre war es «der größte Skandal")
    assert "Auch künftig dürfte es daher zu Diskussionen" in item["body_text"]
    assert datetime.fromisoformat(item["published"]) == datetime(
        2019, 5, 10, 16, 2, 28, tzinfo=timezone(timedelta(hours=2))
    )
    assert item["language"] == "de"
    stored = IngestItem.objects.get()
    assert stored.via is None
    assert json.loads(stored.raw)["by"] == "Von Christian Hollmann, dpa"


def test_a_2_1_story_with_a_picture_association(shared_fixtures):
    item = imported(shared_fixtures, "2.1/tt_text_image_2.json")
    assert item["headline"] == "Militärövning i jätteformat hålls 2023"
    assert item["lede"].startswith("Pandemin satte stopp för den stora internationella")
    # The HTML body, without the <h1> that repeats the headline or the page around it.
    assert "Aurora 20 skulle omfatta 25 000 deltagare" in item["body_text"]
    assert "Militärövning i jätteformat" not in item["body_text"]
    assert item["images"] == [
        {
            # The largest of the picture's four renditions.
            "src": "https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg",
            "alt": "En stor internationell försvarsövning planeras 2023 med fokus på södra "
            "Sverige och Gotland. Arkivbild från militärövningen Aurora 17.",
            "caption": "En stor internationell försvarsövning planeras 2023 med fokus på södra "
            "Sverige och Gotland. Arkivbild från militärövningen Aurora 17.",
            "credit": "Karl Melander/TT",
        }
    ]
    assert item["tags"] == ["Krig, konflikter och oroligheter"]
    assert item["language"] == "sv"
    assert item["source"]["name"] == "TT"
    assert item["original_url"] == "http://tt.se/media/text/210526-militarovning-a0f2d045"
    assert datetime.fromisoformat(item["published"]) == datetime(
        2021, 5, 26, 13, 40, 18, tzinfo=timezone(timedelta(hours=2))
    )


def test_a_2_1_item_first_created_before_its_version(shared_fixtures):
    item = imported(shared_fixtures, "2.1/ntb_text.json")
    assert item["tags"] == ["Innenriks", "Teknologi", "Industri", "Olje og energi"]
    assert item["language"] == "nb-no"
    assert item["authors"] == []  # the byline is the agency: “NTB”
    assert item["source"]["name"] == "NTB"
    stored = IngestItem.objects.get()
    assert stored.published_at == datetime(2019, 8, 9, 9, 30, 4, tzinfo=UTC)
    assert stored.modified_at == datetime(2019, 8, 9, 9, 46, 53, tzinfo=UTC)


def test_a_3_0_story_reads_like_its_2_1_twin(shared_fixtures):
    item = imported(shared_fixtures, "3.0/tt_text_image_3.json")
    assert item["headline"] == "Militärövning i jätteformat hålls 2023"
    assert item["images"][0]["src"].endswith("/a001_NormalHires.jpg")
    assert item["images"][0]["credit"] == "Karl Melander/TT"
    assert item["images"][0]["caption"].startswith("En stor internationell försvarsövning")
    assert item["tags"] == ["Krig, konflikter och oroligheter"]
    assert item["source"]["name"] == "TT"  # copyrightHolder


def test_a_3_0_picture_with_its_caption_credit_and_subjects(shared_fixtures):
    item = imported(shared_fixtures, "3.0/ap_image.json")
    assert item["headline"] == "Turkey Islamic State"
    assert item["lede"].startswith("FILE - In this Monday, Nov. 11, 2019 file photo")
    assert len(item["images"]) == 1
    picture = item["images"][0]
    assert picture["src"].startswith(  # “main”, 3000×2208: the largest rendition
        "http://api.ap.org/media/v/content/b2b6c3f4642f46deac7509d4db315ca0.0/download?role=main"
    )
    assert picture["caption"] == item["lede"]
    assert picture["credit"] == "ASSOCIATED PRESS"
    assert item["tags"] == ["International News", "File photo", "Government and politics"]
    assert item["source"]["name"] == "ASSOCIATED PRESS"
    assert item["language"] == "en"
    assert datetime.fromisoformat(item["published"]) == datetime(
        2019, 11, 15, 13, 39, 59, tzinfo=UTC
    )


def test_a_3_0_picture_credits_photographer_and_copyright_holder(shared_fixtures):
    item = imported(shared_fixtures, "3.0/SIPA_image_3.json")
    assert item["images"][0]["credit"] == "Insidefoto / SIPA USA"
    assert item["images"][0]["src"].startswith("https://XXXXXX.amazonaws.com/sipa-20201027")
    assert "face masks" in item["tags"]


def test_a_3_0_byline_with_two_authors(shared_fixtures):
    item = imported(shared_fixtures, "3.0/ninjsExSimpleText_3.json")
    assert item["authors"] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert item["headline"] == "Captain of wrecked cruise ship on trial in Italy"
    assert item["body_text"].startswith("GROSSETO, Italy (AP) -- The trial of the captain")


def test_a_3_0_event_takes_its_title_as_headline(shared_fixtures):
    item = imported(shared_fixtures, "3.0/simpleEvent.json")
    assert item["headline"] == "Tackling Doping in Sport Conference"
    assert item["lede"].startswith("The two-day Tackling Doping in Sport Conference")
    assert item["source"]["name"] == "addb"
    assert datetime.fromisoformat(item["published"]) == datetime(
        2023, 10, 4, 8, 16, 21, tzinfo=timezone(timedelta(hours=2))
    )


def test_an_item_declaring_its_schema_with_dollar_schema(tmp_path):
    path = tmp_path / "declared.json"
    path.write_text(
        json.dumps(
            {
                "$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json",
                "uri": "urn:newsdesk:declared",
                "versionCreated": "2024-02-05T12:34:56Z",
                "headlines": [{"role": "main", "value": "Declared 3.0"}],
                "bodies": [{"contentType": "text/plain", "value": "One.\n\nTwo."}],
            }
        )
    )
    summary, status = import_ninjs(path)
    assert status == 0
    assert summary["items"][0]["body_text"] == "One.\nTwo."
    assert ninjs.schema_version(json.loads(path.read_text())) == "3.0"


def test_with_source_the_items_come_through_it(shared_fixtures):
    wire = Source.objects.create(name="NTB", kind=Source.Kind.NINJS)
    summary, status = import_ninjs(
        shared_fixtures / "ninjs" / "agencies" / "2.1" / "ntb_text.json", "--source", "ntb"
    )
    assert status == 0
    stored = IngestItem.objects.get()
    assert stored.via == wire
    assert stored.source == wire
    assert summary["items"][0]["via"] == "NTB"


def test_an_unknown_source_is_an_error(shared_fixtures):
    with pytest.raises(CommandError, match="no source named “AFP”"):
        call_command(
            "import_ninjs",
            str(shared_fixtures / "ninjs" / "agencies" / "2.1" / "ntb_text.json"),
            "--source",
            "AFP",
        )
    assert not IngestItem.objects.exists()


# --validate ---------------------------------------------------------------------------


def validate(*paths):
    return import_ninjs("--validate", *paths)


@pytest.mark.parametrize("version", ["2.1", "3.0", "3.1"])
def test_validate_passes_every_should_pass_file(shared_fixtures, version):
    files = sorted((shared_fixtures / "ninjs" / "test_suite" / version / "should_pass").iterdir())
    report, status = validate(*files)
    assert report["invalid"] == []
    assert report["counts"] == {"valid": len(files), "invalid": 0}
    assert status == 0


@pytest.mark.parametrize("name", sorted(SHOULD_FAIL))
def test_validate_refuses_every_should_fail_file_naming_the_field(shared_fixtures, name):
    path = shared_fixtures / "ninjs" / "test_suite" / name
    report, status = validate(path)
    assert status == 1
    assert report["valid"] == []
    assert report["invalid"][0]["item"] == str(path)
    assert SHOULD_FAIL[name] in report["invalid"][0]["reason"]


def test_every_should_fail_file_is_listed_above(shared_fixtures):
    suite = shared_fixtures / "ninjs" / "test_suite"
    found = {str(path.relative_to(suite)) for path in suite.glob("*/should_fail/*.json")}
    assert found == set(SHOULD_FAIL)


def test_validate_exits_0_only_when_every_file_is_valid(shared_fixtures):
    suite = shared_fixtures / "ninjs" / "test_suite" / "2.1"
    good = suite / "should_pass" / "001_ninjs_example.json"
    bad = suite / "should_fail" / "003_good_association_but_no_uri.json"
    report, status = validate(good, bad)
    assert status == 1
    assert report["counts"] == {"valid": 1, "invalid": 1}
    assert report["valid"] == [{"item": str(good), "version": "2.1"}]
    _report, status = validate(good)
    assert status == 0


def test_validate_stores_nothing(shared_fixtures):
    report, status = validate(*agency_files(shared_fixtures, "3.0"))
    assert status == 0
    assert report["counts"]["valid"] == len(agency_files(shared_fixtures, "3.0"))
    assert not IngestItem.objects.exists()


def test_validate_prints_one_line_per_file(shared_fixtures):
    bad = shared_fixtures / "ninjs" / "test_suite" / "3.0" / "should_fail" / "006_bad_urgency.json"
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_ninjs", "--validate", str(bad), stdout=out)
    assert out.getvalue().splitlines() == [
        f"invalid: {bad}: urgency: 0.1 is not of type 'integer' (ninjs 3.1 schema)",
        "valid: 0, invalid: 1",
    ]


def test_validation_never_fetches_a_schema(shared_fixtures, monkeypatch):
    """The schemas' ``$ref`` to geojson.org resolves to the copy shipped with the app."""

    def no_network(*args, **kwargs):
        raise AssertionError("validation tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    ninjs._validator.cache_clear()
    geojson = shared_fixtures / "ninjs" / "test_suite" / "3.0" / "should_pass" / "010_geojson.json"
    report, status = validate(geojson)
    assert status == 0, report


def test_the_shipped_schemas_are_iptcs(shared_fixtures):
    for path in (shared_fixtures / "ninjs" / "schema").glob("*.json"):
        assert (ninjs.SCHEMA_DIR / path.name).read_bytes() == path.read_bytes(), path.name
    assert {f"ninjs-schema_{version}.json" for version in ninjs.SCHEMAS} <= {
        path.name for path in ninjs.SCHEMA_DIR.iterdir()
    }


# Bad input ----------------------------------------------------------------------------


def test_bad_files_are_rejected_by_name_and_the_rest_goes_on(shared_fixtures, tmp_path):
    good = tmp_path / "good.json"
    shutil.copy(shared_fixtures / "ninjs" / "agencies" / "3.0" / "dpa_text.json", good)
    text = good.read_text()
    bad = {
        "malformed.json": '{"uri": "urn:x", "headlines": [{"value": "A"}],, }',
        "truncated.json": text[: len(text) // 2],
        "array.json": json.dumps([json.loads(text)]),
        "empty.json": "",
        "invalid.json": json.dumps({"headlines": [{"value": "No uri"}]}),
        "event.json": json.dumps({"uri": "urn:x:event", "type": "event"}),
        "withdrawn.json": json.dumps(
            {"uri": "urn:x:killed", "pubStatus": "canceled", "headlines": [{"value": "Killed"}]}
        ),
        "old.json": json.dumps({"uri": "urn:x:1", "headline": "ninjs 1.3", "body_html": "<p/>"}),
    }
    for name, content in bad.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    missing = tmp_path / "missing.json"

    summary, status = import_ninjs(*[tmp_path / name for name in bad], good, missing)

    assert status == 1
    assert summary["counts"]["created"] == 1
    assert summary["items"][0]["headline"].startswith("Faktencheck Derby-Elfmeter")
    reasons = {entry["item"]: entry["reason"] for entry in summary["rejected"]}
    assert reasons == {
        str(tmp_path / "malformed.json"): (
            "not valid JSON: Expecting property name enclosed in double quotes (line 1, column 48)"
        ),
        str(tmp_path / "truncated.json"): "not valid JSON: it ends before the item does "
        "(truncated?)",
        str(tmp_path / "array.json"): "not a ninjs item: the JSON is an array, not an object",
        str(tmp_path / "empty.json"): "empty: no ninjs item",
        str(tmp_path / "invalid.json"): "'uri' is a required property (ninjs 3.1 schema)",
        str(tmp_path / "event.json"): "no headline: a ninjs event with no headline, title or "
        "slugline",
        str(tmp_path / "withdrawn.json"): "withdrawn by the agency (pubstatus canceled): not taken",
        str(tmp_path / "old.json"): "ninjs 1.x (headline, body_html, associations by name) is "
        "not accepted: send ninjs 2.x or 3.x",
        str(missing): "cannot read the file (No such file or directory)",
    }
    assert IngestItem.objects.count() == 1


def test_a_huge_file_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(ninjs.MAX_BYTES + 1)
    summary, status = import_ninjs(huge)
    assert status == 1
    assert summary["rejected"] == [
        {"item": str(huge), "reason": "too large (10,485,761 bytes): the limit is 10 MB"}
    ]
    assert not IngestItem.objects.exists()


def test_text_output_names_the_rejected_file(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("import_ninjs", str(broken), stdout=out)
    assert exit.value.code == 1
    assert f"rejected: {broken}: not valid JSON" in out.getvalue()
