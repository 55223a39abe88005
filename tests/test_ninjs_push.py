"""An agency pushes ninjs items to ``POST /api/ingest/ninjs/`` with its source's token: each
lands in the inbox once, received through that source; a wrong token, a bad item, a body
too large or not JSON is refused with the right status and says why."""

import json

import pytest
from django.test import Client

from newsdesk.ingest.models import IngestItem, Source
from newsdesk.ingest.sources import ninjs

pytestmark = pytest.mark.django_db

URL = "/api/ingest/ninjs/"


@pytest.fixture
def wire(db):
    """NTB's wire, pushing to us with its token."""
    return Source.objects.create(name="NTB", kind=Source.Kind.NINJS)


@pytest.fixture
def story(shared_fixtures):
    return (shared_fixtures / "ninjs" / "agencies" / "3.0" / "ntb_text.json").read_text()


def push(client, body, *, token, content_type="application/json"):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.post(URL, data=body, content_type=content_type, headers=headers)


def test_an_item_is_created_then_found_again(wire, story):
    client = Client(enforce_csrf_checks=True)  # an API: the token, not a cookie, authenticates
    response = push(client, story, token=wire.push_token)
    assert response.status_code == 201
    created = response.json()
    item = IngestItem.objects.get()
    assert created == {
        "id": item.pk,
        "key": "ninjs:urn:8d19cf88-b3ab-4972-8fec-1207599f2872",
        "outcome": "created",
        "status": "new",
    }
    assert item.via == wire
    assert item.source == wire
    assert item.headline == "Google har kjøpt giganttomt i Skien"
    assert item.raw == story

    again = push(client, story, token=wire.push_token)
    assert again.status_code == 200
    assert again.json() == {**created, "outcome": "skipped"}
    assert IngestItem.objects.count() == 1


def test_a_new_version_of_the_item_updates_it(client, wire, story):
    push(client, story, token=wire.push_token)
    item = json.loads(story)
    item["version"] = "7"
    item["headlines"][0]["value"] = "Google kjøper enda en tomt i Skien"
    response = push(client, json.dumps(item), token=wire.push_token)
    assert response.status_code == 200
    assert response.json()["outcome"] == "updated"
    assert IngestItem.objects.get().headline == "Google kjøper enda en tomt i Skien"


def test_a_2_1_item_with_a_charset_is_taken(client, wire, shared_fixtures):
    body = (shared_fixtures / "ninjs" / "agencies" / "2.1" / "tt_text_image_2.json").read_bytes()
    response = push(
        client, body, token=wire.push_token, content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 201
    assert IngestItem.objects.get().images[0]["credit"] == "Karl Melander/TT"


@pytest.mark.parametrize("token", [None, "", "not-the-token"])
def test_without_the_token_it_is_refused(client, wire, story, token):
    response = push(client, story, token=token)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json() == {"error": "a valid bearer token is required"}
    assert not IngestItem.objects.exists()


def test_a_wrong_token_is_named_invalid(client, wire, story):
    response = push(client, story, token=wire.push_token[:-1])
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_another_scheme_is_refused(client, wire, story):
    response = client.post(
        URL,
        data=story,
        content_type="application/json",
        headers={"Authorization": f"Token {wire.push_token}"},
    )
    assert response.status_code == 401


def test_an_inactive_source_is_refused(client, wire, story):
    wire.active = False
    wire.save()
    assert push(client, story, token=wire.push_token).status_code == 401
    assert not IngestItem.objects.exists()


def test_only_a_ninjs_source_may_push(client, story):
    outlet = Source.objects.create(name="vietnamnet.vn", push_token="a-token-set-by-hand")
    assert outlet.kind == Source.Kind.WEB
    assert push(client, story, token="a-token-set-by-hand").status_code == 401


def test_an_invalid_item_is_refused_naming_the_field(client, wire, shared_fixtures):
    body = (
        shared_fixtures
        / "ninjs"
        / "test_suite"
        / "2.1"
        / "should_fail"
        / "003_good_association_but_no_uri.json"
    ).read_text()
    response = push(client, body, token=wire.push_token)
    assert response.status_code == 400
    assert response.json() == {
        "error": "associations[0]: 'uri' is a required property (ninjs 2.1 schema)"
    }
    assert not IngestItem.objects.exists()


@pytest.mark.parametrize(
    "body, error",
    [
        ('{"uri": "urn:x", "headlines": [', "not valid JSON: it ends before the item does"),
        ("[]", "not a ninjs item: the JSON is an array, not an object"),
        ('{"uri": "urn:x", "type": "event"}', "no headline: a ninjs event"),
    ],
)
def test_a_body_that_is_no_story_is_refused(client, wire, body, error):
    response = push(client, body, token=wire.push_token)
    assert response.status_code == 400
    assert response.json()["error"].startswith(error)


def test_a_body_too_large_is_refused(client, wire):
    body = b'{"uri": "urn:x", "title": "' + b"x" * ninjs.MAX_BYTES + b'"}'
    response = push(client, body, token=wire.push_token)
    assert response.status_code == 413
    assert response.json() == {"error": "the limit is 10 MB"}
    assert not IngestItem.objects.exists()


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_refused(client, wire, story, content_type):
    response = push(client, story, token=wire.push_token, content_type=content_type)
    assert response.status_code == 415
    assert not IngestItem.objects.exists()


def test_get_is_not_allowed(client, wire):
    response = client.get(URL, headers={"Authorization": f"Bearer {wire.push_token}"})
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
