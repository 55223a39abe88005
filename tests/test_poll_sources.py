"""Polling RSS and Atom feeds into the inbox, against a local server: each new entry
arrives once, read from its page (headline, byline, date, language); a 304 costs nothing
more; a huge feed is cut to its newest entries; a broken feed or page is reported, and the
rest still arrives; only the sources that are due are polled."""

import io
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsdesk.ingest import tasks
from newsdesk.ingest.models import IngestItem, Source
from newsdesk.ingest.sources import feed
from newsdesk.workflow.management.commands.run_scheduler import Command as SchedulerCommand
from tests.local_server import Reply, local_server_fixture  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
ATOM_TYPE = {"Content-Type": "application/atom+xml; charset=utf-8"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}

STORIES = {
    "/2025/03/port.html": (
        "Le port de Haiphong accueille son premier porte-conteneurs géant",
        "Marie Dupont",
        "2025-03-01T08:30:00+07:00",
    ),
    "/2025/03/rizieres.html": (
        "Dans le delta du Mékong, les rizières s'adaptent à l'eau salée",
        "Nguyen Van An",
        "2025-03-02T10:15:00+07:00",
    ),
}


def news_page(headline: str, author: str, published: str, lang: str = "fr") -> str:
    """A plain news page: navigation, the story (headline, byline, date, paragraphs), a
    footer."""
    paragraphs = "\n".join(
        f"<p>{text}</p>"
        for text in [
            f"{headline} : les autorités locales ont présenté mardi le projet aux habitants, "
            "qui attendaient depuis des années une décision sur l'avenir de la région.",
            "Selon le comité populaire de la province, les travaux commenceront au printemps "
            "et dureront près de trois ans, pour un coût estimé à plusieurs millions d'euros.",
            "Les pêcheurs et les agriculteurs interrogés se disent partagés : certains y voient "
            "une chance pour l'emploi, d'autres craignent pour leurs terres et leurs revenus.",
            "Une réunion publique est prévue le mois prochain afin de répondre aux questions "
            "des familles concernées et de présenter les mesures d'accompagnement.",
        ]
    )
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{headline}</title>
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<meta property="og:site_name" content="Le Courrier du Vietnam"></head>
<body>
<header><nav><a href="/">Accueil</a> <a href="/societe/">Société</a></nav></header>
<article>
<h1>{headline}</h1>
<p class="byline">Par {author}</p>
<time datetime="{published}">{published[:10]}</time>
{paragraphs}
</article>
<footer><p>© Le Courrier du Vietnam. Tous droits réservés.</p></footer>
</body></html>"""


def rss(items: list[dict], *, language: str = "fr") -> str:
    """An RSS 2.0 feed of ``items`` (title, link, guid, date, description)."""
    body = "".join(
        f"""<item><title>{item["title"]}</title><link>{item["link"]}</link>
<guid isPermaLink="false">{item["guid"]}</guid>
<pubDate>{format_datetime(item["date"].astimezone(UTC), usegmt=True)}</pubDate>
<description>{item.get("description", "")}</description></item>"""
        for item in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Le Courrier du Vietnam</title>
<link>https://lecourrier.example/</link><description>Actualités</description>
<language>{language}</language>{body}</channel></rss>"""


def atom(entries: list[dict]) -> str:
    body = "".join(
        f"""<entry><title>{entry["title"]}</title><id>{entry["guid"]}</id>
<link rel="alternate" href="{entry["link"]}"/><updated>{entry["date"].isoformat()}</updated>
<author><name>Rédaction</name></author><summary>{entry.get("description", "")}</summary>
</entry>"""
        for entry in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Le Courrier</title>
<id>urn:uuid:0b5c1d2e-feed</id><updated>2025-03-02T03:15:00Z</updated>{body}</feed>"""


def feed_items(server) -> list[dict]:
    """The feed's view of the two stories: titles and summaries that differ from the
    pages, so a test can tell which one an item was read from."""
    return [
        {
            "title": f"Titre du flux n°{n}",
            "link": server.url(path),
            "guid": f"lecourrier-{n}",
            "date": datetime.fromisoformat(STORIES[path][2]),
            "description": f"Résumé du flux n°{n}, tel que le flux le donne.",
        }
        for n, path in enumerate(STORIES, start=1)
    ]


@pytest.fixture
def server(local_server, settings):
    """The local server with the two article pages; the safe client may reach it."""
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True
    for path, story in STORIES.items():
        local_server.route(path, body=news_page(*story), headers=HTML_TYPE)
    return local_server


def feed_source(server, path="/rss.xml", **fields) -> Source:
    fields.setdefault("name", "Le Courrier du Vietnam")
    return Source.objects.create(kind=Source.Kind.FEED, feed_url=server.url(path), **fields)


def page_hits(server) -> int:
    return sum(server.hits[path] for path in STORIES)


def poll_command(*args) -> tuple[dict, int]:
    out = io.StringIO()
    try:
        call_command("poll_sources", *args, "--json", stdout=out)
    except SystemExit as exit:
        return json.loads(out.getvalue()), exit.code
    return json.loads(out.getvalue()), 0


def test_new_rss_items_arrive_once_read_from_their_pages(server):
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    source = feed_source(server)

    summary = feed.poll_source(source)

    assert summary.as_dict()["counts"] == {"created": 2, "updated": 0, "skipped": 0, "rejected": 0}
    assert summary.notes == []
    port = IngestItem.objects.get(key=f"feed:{source.pk}:lecourrier-1")
    assert port.headline == STORIES["/2025/03/port.html"][0]  # the page's, not the feed's
    assert port.authors == ["Marie Dupont"]
    assert port.published_at == datetime(2025, 3, 1, 1, 30, tzinfo=UTC)
    assert port.language == "fr"
    assert "premier porte-conteneurs" in port.body_text
    assert "Accueil" not in port.body_text and "Tous droits" not in port.body_text
    assert port.origin == IngestItem.Origin.FEED
    assert port.via == source and port.source == source
    assert port.original_url == server.url("/2025/03/port.html")
    assert IngestItem.objects.get(key=f"feed:{source.pk}:lecourrier-2").authors == ["Nguyen Van An"]
    assert page_hits(server) == 2
    source.refresh_from_db()
    assert source.last_polled_at is not None and source.last_error == ""

    again = feed.poll_source(source)  # no validators: the feed is read again, in full

    assert again.as_dict()["counts"] == {"created": 0, "updated": 0, "skipped": 2, "rejected": 0}
    assert IngestItem.objects.count() == 2
    assert page_hits(server) == 2  # the items already in the inbox: their pages are not read
    assert server.hits["/rss.xml"] == 2


def test_atom_entries_are_keyed_on_their_id(server):
    entries = [{**item, "guid": f"urn:uuid:{n}"} for n, item in enumerate(feed_items(server))]
    server.route("/atom.xml", body=atom(entries), headers=ATOM_TYPE)
    source = feed_source(server, "/atom.xml")

    summary = feed.poll_source(source)

    assert summary.as_dict()["counts"]["created"] == 2
    item = IngestItem.objects.get(key=f"feed:{source.pk}:urn:uuid:1")
    assert item.headline == STORIES["/2025/03/rizieres.html"][0]
    assert item.authors == ["Nguyen Van An"]  # the page's byline wins over the feed's
    assert item.language == "fr"


def test_an_entry_without_a_guid_is_keyed_on_its_link(server):
    server.route(
        "/rss.xml",
        body=rss(feed_items(server)).replace('<guid isPermaLink="false">lecourrier-1</guid>', ""),
        headers=RSS_TYPE,
    )
    source = feed_source(server)
    feed.poll_source(source)
    assert IngestItem.objects.filter(
        key=f"feed:{source.pk}:{server.url('/2025/03/port.html')}"
    ).exists()


def test_a_304_fetches_nothing_else(server):
    stamp = "Sun, 02 Mar 2025 03:15:00 GMT"
    seen = []

    def conditional(request):
        seen.append(
            (request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since"))
        )
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(304)  # without the validators: the ones sent still hold
        return Reply(
            body=rss(feed_items(server)),
            headers={**RSS_TYPE, "ETag": '"v1"', "Last-Modified": stamp},
        )

    server.route("/rss.xml", conditional)
    source = feed_source(server)
    feed.poll_source(source)
    source.refresh_from_db()
    assert (source.etag, source.last_modified) == ('"v1"', stamp)
    first_poll = source.last_polled_at

    summary = feed.poll_source(source)

    assert seen == [(None, None), ('"v1"', stamp)]
    assert summary.as_dict()["counts"] == {"created": 0, "updated": 0, "skipped": 0, "rejected": 0}
    assert summary.sources == [{"name": source.name, "result": "not modified", "error": ""}]
    assert page_hits(server) == 2  # only during the first poll
    source.refresh_from_db()
    assert source.etag == '"v1"' and source.last_modified == stamp
    assert source.last_polled_at > first_poll

    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)  # no validators
    feed.poll_source(source)
    source.refresh_from_db()
    assert (source.etag, source.last_modified) == ("", "")


def test_a_feed_over_the_cap_is_cut_to_its_newest_entries(server, settings):
    settings.NEWSDESK_FEED_MAX_ITEMS = 3
    start = datetime(2025, 3, 1, tzinfo=UTC)
    items = [
        {
            "title": f"Dépêche {n}",
            "link": server.url(f"/depeches/{n}.html"),
            "guid": f"depeche-{n}",
            "date": start + timedelta(hours=n),
            "description": f"Texte de la dépêche {n}.",
        }
        for n in range(1200)
    ]
    for n in range(1200):
        headline = f"Dépêche numéro {n} : le port de Haiphong s'agrandit"
        server.route(
            f"/depeches/{n}.html",
            body=news_page(headline, "Marie Dupont", items[n]["date"].isoformat()),
            headers=HTML_TYPE,
        )
    # Shuffled: the newest are found by date, not by place in the feed.
    shuffled = items[600:] + items[:600]
    server.route("/rss.xml", body=rss(shuffled), headers=RSS_TYPE)
    source = feed_source(server)

    summary = feed.poll_source(source)

    assert summary.as_dict()["counts"]["created"] == 3
    assert sorted(item.key for item in IngestItem.objects.all()) == [
        f"feed:{source.pk}:depeche-{n}" for n in (1197, 1198, 1199)
    ]
    assert summary.notes == [
        "Le Courrier du Vietnam: the feed has 1200 entries, over the limit of 3 "
        "(NEWSDESK_FEED_MAX_ITEMS); only the newest 3 were read, 1197 older ones left out"
    ]
    assert sum(server.hits[f"/depeches/{n}.html"] for n in range(1197)) == 0


@pytest.mark.parametrize(
    "body",
    [
        b"<rss version='2.0'><channel><title>Cass\x00\xff",
        b"<html><body><p>Maintenance en cours</p></body></html>",
        b"",
    ],
    ids=["broken-xml", "an-html-page", "empty"],
)
def test_a_malformed_feed_says_why_on_the_source_and_imports_nothing(server, body):
    server.route("/rss.xml", body=body, headers={**RSS_TYPE, "ETag": '"broken"'})
    source = feed_source(server)

    summary, status = poll_command("--source", source.name)

    assert status == 1
    assert summary["counts"]["created"] == 0
    assert summary["rejected"][0]["item"] == source.name
    assert summary["rejected"][0]["reason"].startswith("the feed cannot be read")
    assert IngestItem.objects.count() == 0
    source.refresh_from_db()
    assert source.last_error.startswith("the feed cannot be read")
    assert source.etag == ""  # not kept: the next poll reads the feed again
    assert source.last_polled_at is not None


def test_a_feed_that_cannot_be_fetched_says_why(server):
    server.route("/rss.xml", status=503, body="Service Unavailable")
    source = feed_source(server)

    summary = feed.poll_source(source)

    source.refresh_from_db()
    assert source.last_error == "the feed could not be fetched: HTTP 503"
    assert summary.rejected == [{"item": source.name, "reason": source.last_error}]

    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    feed.poll_source(source)
    source.refresh_from_db()
    assert source.last_error == ""  # cleared by the next good poll


def test_a_page_that_fails_still_brings_its_item_from_the_feed_text(server):
    server.route("/2025/03/port.html", status=500, body="Internal Server Error")
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    source = feed_source(server)

    summary = feed.poll_source(source)

    assert summary.as_dict()["counts"] == {"created": 2, "updated": 0, "skipped": 0, "rejected": 0}
    port = IngestItem.objects.get(key=f"feed:{source.pk}:lecourrier-1")
    assert port.headline == "Titre du flux n°1"
    assert port.body_text == "Résumé du flux n°1, tel que le flux le donne."
    assert port.published_at == datetime(2025, 3, 1, 1, 30, tzinfo=UTC)
    assert port.language == "fr"  # the feed's
    assert port.original_url == server.url("/2025/03/port.html")
    assert port.fetched_url == ""
    assert json.loads(port.raw)["id"] == "lecourrier-1"
    assert summary.notes == [
        f"Titre du flux n°1: its page {server.url('/2025/03/port.html')} could not be read "
        "(HTTP 500); taken from the feed"
    ]
    # The other one was read from its page.
    rice = IngestItem.objects.get(key=f"feed:{source.pk}:lecourrier-2")
    assert rice.headline == STORIES["/2025/03/rizieres.html"][0]


def test_entry_errors_are_rejected_one_by_one_and_the_rest_arrives(server):
    items = feed_items(server) + [
        {"title": "Un lien piégé", "link": "javascript:alert(1)", "guid": "js",
         "date": datetime(2025, 3, 3, tzinfo=UTC)},
        {"title": "Un lien FTP", "link": "ftp://files.example/a.txt", "guid": "ftp",
         "date": datetime(2025, 3, 3, tzinfo=UTC)},
        {"title": "", "link": server.url("/missing.html"), "guid": "untitled",
         "date": datetime(2025, 3, 3, tzinfo=UTC)},
    ]  # fmt: skip
    server.route("/rss.xml", body=rss(items), headers=RSS_TYPE)
    source = feed_source(server)

    summary = feed.poll_source(source)

    assert summary.as_dict()["counts"]["created"] == 2
    reasons = {r["item"]: r["reason"] for r in summary.rejected}
    assert reasons["Un lien piégé"] == (
        "Le Courrier du Vietnam: entry left out: its link 'javascript:alert(1)' is not http(s)"
    )
    assert "is not http(s)" in reasons["Un lien FTP"]
    assert reasons[server.url("/missing.html")] == "the item has no headline"
    assert any("HTTP 404" in note for note in summary.notes)


def test_the_command_prints_the_summary_as_json(server):
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    source = feed_source(server)

    summary, status = poll_command("--source", "le courrier du vietnam")

    assert status == 0
    assert summary["counts"] == {"created": 2, "updated": 0, "skipped": 0, "rejected": 0}
    assert summary["sources"] == [{"name": source.name, "result": "read", "error": ""}]
    assert {item["headline"] for item in summary["items"]} == {s[0] for s in STORIES.values()}
    port = next(i for i in summary["items"] if i["key"].endswith("lecourrier-1"))
    assert port["authors"] == ["Marie Dupont"]
    assert port["language"] == "fr"
    assert port["via"] == source.name
    assert port["published"] == "2025-03-01T08:30:00+07:00"

    summary, status = poll_command("--all")
    assert summary["counts"]["skipped"] == 2 and status == 0


def test_the_command_prints_text_without_json(server):
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    feed_source(server)
    out = io.StringIO()
    call_command("poll_sources", stdout=out)
    text = out.getvalue()
    assert "Le Courrier du Vietnam: read" in text
    assert "created: 2, updated: 0, skipped: 0, rejected: 0" in text

    out = io.StringIO()
    call_command("poll_sources", stdout=out)  # just polled: none is due
    assert "No feed source is due." in out.getvalue()


def test_the_command_refuses_an_unknown_or_non_feed_source(server):
    from django.core.management.base import CommandError

    Source.objects.create(name="vietnamnet.vn", kind=Source.Kind.WEB)
    with pytest.raises(CommandError, match="No source is called 'Nope'"):
        call_command("poll_sources", "--source", "Nope")
    with pytest.raises(CommandError, match="not a feed source"):
        call_command("poll_sources", "--source", "vietnamnet.vn")


def test_only_due_sources_are_polled(server):
    now = timezone.now()
    body = rss([])
    for path in ("/new.xml", "/recent.xml", "/old.xml", "/off.xml", "/hourly.xml"):
        server.route(path, body=body, headers=RSS_TYPE)
    feed_source(server, "/new.xml", name="Never polled")
    feed_source(
        server, "/recent.xml", name="Polled 5 min ago", last_polled_at=now - timedelta(minutes=5)
    )
    feed_source(
        server, "/old.xml", name="Polled 20 min ago", last_polled_at=now - timedelta(minutes=20)
    )
    feed_source(server, "/off.xml", name="Inactive", active=False)
    feed_source(server, "/hourly.xml", name="Hourly", poll_interval=60,
                last_polled_at=now - timedelta(minutes=20))  # fmt: skip
    Source.objects.create(name="A web source", kind=Source.Kind.WEB)

    summary = feed.poll_due_sources(now=now)

    assert sorted(s["name"] for s in summary.sources) == ["Never polled", "Polled 20 min ago"]
    assert dict(server.hits) == {"/new.xml": 1, "/old.xml": 1}
    assert Source.objects.get(name="Polled 20 min ago").last_polled_at == now
    assert Source.objects.get(name="Polled 5 min ago").last_polled_at == now - timedelta(minutes=5)

    assert feed.poll_due_sources(now=now + timedelta(minutes=1)).sources == []  # none is due


def test_a_source_that_breaks_does_not_stop_the_others(server, monkeypatch, caplog):
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    broken = feed_source(server, "/broken.xml", name="Broken")
    good = feed_source(server)
    real = feed.poll_source

    def poll(source, **kwargs):
        if source.pk == broken.pk:
            raise RuntimeError("a bug in an adapter")
        return real(source, **kwargs)

    monkeypatch.setattr(feed, "poll_source", poll)

    summary = feed.poll_due_sources()

    assert summary.as_dict()["counts"]["created"] == 2
    broken.refresh_from_db()
    assert broken.last_error == "polling failed (RuntimeError: a bug in an adapter)"
    assert broken.last_polled_at is not None  # not polled again before its interval
    assert IngestItem.objects.filter(via=good).count() == 2
    assert "Polling the feed of Broken failed" in caplog.text


def test_the_tasks_poll_by_id(server):
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    source = feed_source(server)

    result = tasks.poll_source.enqueue(source.pk)  # the test settings run tasks inline
    assert result.return_value == {"created": 2, "updated": 0, "skipped": 0, "rejected": 0}

    assert tasks.poll_due_sources.enqueue().return_value["created"] == 0  # polled just now
    assert tasks.poll_source.enqueue(source.pk + 1000).return_value["created"] == 0


def test_the_scheduler_polls_due_feeds_and_survives_a_failure(server, monkeypatch, caplog):
    server.route("/rss.xml", body=rss(feed_items(server)), headers=RSS_TYPE)
    feed_source(server)
    out = io.StringIO()
    scheduler = SchedulerCommand(stdout=out)

    scheduler.poll_feeds()

    assert IngestItem.objects.count() == 2
    assert "Le Courrier du Vietnam: read" in out.getvalue()

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(
        "newsdesk.workflow.management.commands.run_scheduler.poll_due_sources", broken
    )
    scheduler.poll_feeds()  # logged, not raised
    assert "Polling the feed sources failed" in caplog.text


def test_a_feed_of_fifty_thousand_items_is_cut_not_swallowed(server, settings):
    settings.NEWSDESK_FEED_MAX_ITEMS = 2
    start = datetime(2025, 3, 1, tzinfo=UTC)
    items = [
        {
            "title": f"Brève {n}",
            "link": server.url(f"/breves/{n}.html"),
            "guid": f"breve-{n}",
            "date": start + timedelta(minutes=n),
            "description": "Texte.",
        }
        for n in range(50_000)
    ]
    server.route("/rss.xml", body=rss(items), headers=RSS_TYPE)
    summary = feed.poll_source(feed_source(server))
    assert summary.as_dict()["counts"]["created"] == 2
    assert IngestItem.objects.count() == 2
    assert "the feed has 50000 entries, over the limit of 2" in summary.notes[0]
