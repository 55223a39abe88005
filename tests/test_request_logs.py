"""One JSON log line per request, and every line a request writes carries its request id:
an operator finds everything about one reader's failed page from the id nginx gave it."""

import copy
import io
import json
import logging
import logging.config

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils.log import configure_logging

from newsdesk import urls as site_urls

REQUEST_ID = "abc123def4567890abc123def4567890"
view_logger = logging.getLogger("newsdesk.tests.views")


def chatty(request):
    view_logger.warning("the view is writing about %s", request.path)
    return HttpResponse("said it")


def boom(request):
    raise RuntimeError("a view that fails")


# The site's URLs plus two views of the tests' own.
urlpatterns = [
    path("chatty", chatty, name="chatty"),
    path("boom", boom, name="boom"),
    *site_urls.urlpatterns,
]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


@pytest.fixture
def log_lines():
    """The site's own logging configuration with LOG_FORMAT=json, at INFO, writing to a
    buffer; returns a function that reads the lines written so far, as dicts."""
    yield from _configured("json", lambda text: [json.loads(line) for line in text.splitlines()])


@pytest.fixture
def text_lines():
    yield from _configured("text", str.splitlines)


def _configured(log_format, read):
    stream = io.StringIO()
    config = copy.deepcopy(django_settings.LOGGING)
    config["handlers"]["console"]["formatter"] = log_format
    config["handlers"]["console"]["stream"] = stream
    config["root"]["level"] = "INFO"
    logging.config.dictConfig(config)
    try:
        yield lambda: read(stream.getvalue())
    finally:
        configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


def request_lines(lines):
    return [line for line in lines if line["logger"] == "newsdesk.request"]


def test_each_request_writes_one_json_line_with_its_request_id(client, homes, log_lines):
    response = client.get(homes["fr"].url, HTTP_X_REQUEST_ID=REQUEST_ID)
    assert response.status_code == 200
    assert response["X-Request-ID"] == REQUEST_ID

    [line] = request_lines(log_lines())
    assert line["request_id"] == REQUEST_ID
    assert line["level"] == "INFO"
    assert line["method"] == "GET"
    assert line["path"] == "/fr/"
    assert line["route"] == "page:HomePage"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], int | float) and line["duration_ms"] >= 0
    assert line["bytes"] == len(response.content)
    assert line["user_id"] is None
    assert line["remote_addr"] == "127.0.0.1"
    assert line["message"].startswith("GET /fr/ 200 ")
    assert line["time"]


def test_a_request_without_an_id_gets_one_and_is_told_it(client, homes, log_lines):
    response = client.get(homes["en"].url)
    [line] = request_lines(log_lines())
    assert len(response["X-Request-ID"]) == 32
    assert line["request_id"] == response["X-Request-ID"]
    assert line["path"] == "/en/"


def test_every_line_a_request_writes_carries_its_id(client, settings, log_lines):
    settings.ROOT_URLCONF = __name__
    response = client.get("/chatty", HTTP_X_REQUEST_ID=REQUEST_ID)
    assert response.status_code == 200
    lines = log_lines()
    [said] = [line for line in lines if line["logger"] == "newsdesk.tests.views"]
    assert said["message"] == "the view is writing about /chatty"
    assert said["level"] == "WARNING"
    assert said["request_id"] == REQUEST_ID
    [access] = request_lines(lines)
    assert access["request_id"] == REQUEST_ID
    assert access["route"] == "chatty"


def test_a_failing_request_is_logged_with_status_500(db, settings, log_lines):
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/boom", HTTP_X_REQUEST_ID=REQUEST_ID)
    assert response.status_code == 500
    lines = log_lines()
    [access] = request_lines(lines)
    assert (access["status"], access["route"], access["request_id"]) == (500, "boom", REQUEST_ID)
    # Django's own error line, with the traceback, has the same id.
    [error] = [line for line in lines if line["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert error["request_id"] == REQUEST_ID
    assert "RuntimeError: a view that fails" in error["exc_info"]


def test_a_signed_in_editor_is_named_by_id(client, django_user_model, log_lines):
    editor = django_user_model.objects.create_superuser("chief", password="chief-password")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    [line] = request_lines(log_lines())
    assert line["user_id"] == editor.pk
    assert line["route"] == "wagtailadmin_home"


def test_a_page_that_is_not_there_is_logged_without_its_path_as_route(client, homes, log_lines):
    assert client.get("/fr/no-such-story/").status_code == 404
    [line] = request_lines(log_lines())
    assert (line["status"], line["route"], line["path"]) == (404, "unmatched", "/fr/no-such-story/")


def test_health_probes_stay_out_of_the_info_log(client, log_lines):
    assert client.get("/healthz").status_code == 200
    assert request_lines(log_lines()) == []
    logging.getLogger("newsdesk.request").setLevel(logging.DEBUG)
    try:
        client.get("/healthz")
    finally:
        logging.getLogger("newsdesk.request").setLevel(logging.NOTSET)
    [line] = request_lines(log_lines())
    assert (line["level"], line["route"], line["status"]) == ("DEBUG", "healthz", 200)


def test_text_logs_carry_the_request_id_too(client, homes, text_lines):
    client.get(homes["vi"].url, HTTP_X_REQUEST_ID=REQUEST_ID)
    [line] = [line for line in text_lines() if " newsdesk.request: " in line]
    assert f" INFO [{REQUEST_ID}] newsdesk.request: GET /vi/ 200 " in line
