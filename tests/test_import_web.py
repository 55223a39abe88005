"""A web page shaped like the model page becomes one inbox item: the story, its byline,
date, lede, sub-heading and photo caption — none of the navigation, sidebar or footer — and
the outlet the page credits (“Selon vietnamnet.vn”) as its source."""

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from django.core.management import call_command

from newsdesk.ingest.models import IngestItem, Source

PAGE = Path(__file__).parent / "data" / "model_page.html"
URL = "https://fr.baonghean.example/les-etats-unis-continuent-de-partager-des-renseignements-10293.html"
ORIGINAL = (
    "https://vietnamnet.vn/my-van-chia-se-tin-tinh-bao-voi-kiev-ukraine-can-nhac-rut-khoi-kursk"
    "-2378715.html"
)

pytestmark = pytest.mark.django_db


def import_html(path=PAGE, url=URL):
    out = io.StringIO()
    try:
        call_command("import_html", str(path), "--url", url, "--json", stdout=out)
    except SystemExit as exit:
        return json.loads(out.getvalue()), exit.code
    return json.loads(out.getvalue()), 0


def test_the_model_page_becomes_an_inbox_item_with_its_story():
    summary, status = import_html()
    assert status == 0
    assert summary["counts"] == {"created": 1, "updated": 0, "skipped": 0, "rejected": 0}
    item = summary["items"][0]
    assert item["headline"] == (
        "Les États-Unis continuent de partager des renseignements avec Kiev, "
        "l'Ukraine envisage de se retirer de Koursk"
    )
    assert item["authors"] == ["Viet Dung"]
    assert datetime.fromisoformat(item["published"]) == datetime(
        2025, 3, 9, 7, 13, tzinfo=timezone(timedelta(hours=7))
    )
    assert item["lede"].startswith("Les États-Unis continuent de partager des renseignements")
    assert item["headings"] == [
        "L'Ukraine envisage de retirer ses troupes de la zone frontalière de Koursk"
    ]
    assert item["images"] == [
        {
            "src": "https://cdn.example.org/images/gkypr0fwaaaociq-92093.jpg",
            "alt": "Soldats ukrainiens",
            "caption": "Soldats ukrainiens en première ligne.",
            "credit": "Photo : X/@ZelenskyyUa",
        }
    ]
    assert item["language"] == "fr"
    assert "Moscou intensifie ses efforts" in item["body_text"]
    # The lede is not repeated as the body's first paragraph.
    assert not item["body_text"].startswith("Les États-Unis continuent")


def test_none_of_the_page_around_the_story_is_taken():
    summary, _status = import_html()
    item = summary["items"][0]
    everything = json.dumps(item, ensure_ascii=False)
    for chrome in (
        "Économie du marché",  # navigation
        "Culture et patrimoine",
        "Journal Nghe An en vedette",  # sidebar
        "Inondations dans le centre",
        "Le riz de Nghe An",
        "Alimenté par UNCMS",  # footer
        "Copier le lien",
        "injected",  # a script's output
        "tracking",
    ):
        assert chrome not in everything, chrome
    stored = IngestItem.objects.get()
    for dangerous in ("<script", "onclick", "onload", "steal()"):
        assert dangerous not in stored.body_html


def test_the_outlet_the_page_credits_becomes_the_source():
    summary, _status = import_html()
    item = summary["items"][0]
    assert item["source"] == {"name": "vietnamnet.vn", "url": "https://vietnamnet.vn"}
    assert item["original_url"] == ORIGINAL
    stored = IngestItem.objects.get()
    assert stored.fetched_url == URL  # the page read is kept too
    assert Source.objects.get(name="vietnamnet.vn").home_url == "https://vietnamnet.vn"
    # The credit line is attribution, not body text.
    assert "Selon vietnamnet.vn" not in stored.body_text


@pytest.mark.parametrize(
    ("line", "outlet", "url"),
    [
        ("<p>D'après <a href='https://www.lemonde.fr/a.html'>Le Monde</a></p>", "Le Monde",
         "https://www.lemonde.fr/a.html"),
        ("<p>According to Reuters.</p>", "Reuters", ""),
        ("<p><em>Theo VnExpress</em></p><p>https://vnexpress.net/abc-123.html</p>", "VnExpress",
         "https://vnexpress.net/abc-123.html"),
        ("<p>Selon l'AFP</p>", "l'AFP", ""),
    ],
)  # fmt: skip
def test_credit_lines_in_every_language(tmp_path, line, outlet, url):
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Paragraphe {n} d'une dépêche assez longue pour être un article de presse, "
        f"avec des mots, des chiffres et des faits rapportés par notre rédaction.</p>"
        for n in range(6)
    )
    page.write_text(
        f"<html lang='fr'><head><title>Un titre d'article</title></head><body><article>"
        f"<h1>Un titre d'article</h1>{paragraphs}{line}</article></body></html>"
    )
    summary, _status = import_html(page, "https://example.org/story.html")
    item = summary["items"][0]
    assert item["source"]["name"] == outlet
    assert item["original_url"] == url


def test_a_page_without_a_credit_is_credited_to_its_own_site(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.read_text().replace("Selon vietnamnet.vn", "Fin."))
    summary, _status = import_html(page)
    item = summary["items"][0]
    assert item["source"]["name"] == "fr.baonghean.example"
    assert item["original_url"] == URL


def test_importing_the_same_page_again_adds_nothing():
    import_html()
    summary, _status = import_html()
    assert summary["counts"] == {"created": 0, "updated": 0, "skipped": 1, "rejected": 0}
    assert IngestItem.objects.count() == 1


def test_a_page_with_no_article_is_rejected_with_a_reason(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>")
    summary, status = import_html(page, "https://example.org/empty.html")
    assert status == 1
    assert summary["counts"]["rejected"] == 1
    assert summary["rejected"][0]["reason"] in (
        "no article text was found in the page",
        "the page has no headline",
    )
    assert not IngestItem.objects.exists()


def test_a_missing_file_is_named(tmp_path):
    summary, status = import_html(tmp_path / "nope.html", "https://example.org/x.html")
    assert status == 1
    assert "nope.html" in summary["rejected"][0]["item"]
    assert "cannot read the file" in summary["rejected"][0]["reason"]


def test_the_model_page_ends_as_an_attributed_article(admin_client, homes, monkeypatch):
    """Import → Create draft → publish: readers see the story under “Selon vietnamnet.vn”
    with the original's address, and the photo with its caption and credit."""
    import io as _io

    from bs4 import BeautifulSoup
    from django.urls import reverse
    from PIL import Image

    from newsdesk.articles.models import ArticlePage
    from newsdesk.ingest import services
    from newsdesk.lib.fetch import Response
    from tests.factories import SectionFactory

    def photo(url, **kwargs):
        buffer = _io.BytesIO()
        Image.new("RGB", (60, 40), "olive").save(buffer, "JPEG")
        return Response(url, 200, {"content-type": "image/jpeg"}, buffer.getvalue())

    monkeypatch.setattr(services, "fetch", photo)
    international = SectionFactory(parent=homes["fr"], title="International", slug="international")
    summary, _status = import_html()
    admin_client.post(
        reverse("ingest_inbox:draft", args=[summary["items"][0]["id"]]),
        {"section": international.pk},
    )
    page = ArticlePage.objects.get()
    page.get_latest_revision().publish()
    html = admin_client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text(strip=True).startswith("Les États-Unis continuent de partager")
    attribution = soup.select_one(".attribution")
    assert "Selon vietnamnet.vn" in attribution.get_text(" ", strip=True)
    assert attribution.a["href"] == ORIGINAL
    figure = soup.select_one("article figure") or soup.select_one("figure")
    assert "Soldats ukrainiens en première ligne." in figure.get_text(" ", strip=True)
    assert "Photo : X/@ZelenskyyUa" in figure.get_text(" ", strip=True)
    assert "Viet Dung" in html
    assert "L'Ukraine envisage de retirer ses troupes" in html


def test_import_url_reads_the_page_over_http_after_its_redirects(local_server, settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True  # the page is on this machine
    local_server.route(
        "/article.html",
        body=PAGE.read_bytes(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    local_server.redirect("/short", "/article.html", status=301)
    out = io.StringIO()
    call_command("import_url", local_server.url("/short?utm_source=x"), "--json", stdout=out)
    summary = json.loads(out.getvalue())
    item = summary["items"][0]
    assert summary["counts"]["created"] == 1
    assert item["source"]["name"] == "vietnamnet.vn" and item["original_url"] == ORIGINAL
    assert "User-Agent" in local_server.requests[-1].headers
    assert local_server.requests[-1].headers["User-Agent"].startswith("Newsdesk/")


def test_import_url_refuses_what_is_not_a_web_page(local_server, settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True
    local_server.route("/photo.jpg", body=b"\xff\xd8\xff", headers={"Content-Type": "image/jpeg"})
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_url", local_server.url("/photo.jpg"), "--json", stdout=out)
    assert json.loads(out.getvalue())["rejected"][0]["reason"] == "not a web page (image/jpeg)"


def test_import_url_refuses_a_private_address_unless_allowed():
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_url", "http://169.254.169.254/latest/meta-data/", "--json", stdout=out)
    reason = json.loads(out.getvalue())["rejected"][0]["reason"]
    assert "non-public address (169.254.169.254)" in reason
