"""Moving a WordPress site into an edition: ``import_wxr`` on real exports (WordPress's own
theme test data) and on small exports written here, one behaviour per test."""

import http.server
import io
import json
import re
import threading
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest
from django.core.management import CommandError, call_command
from django.db.models.signals import post_save
from django.test import RequestFactory
from django.urls import reverse
from modelsearch.signal_handlers import post_save_signal_handler
from PIL import Image
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, PageViewRestriction, ReferenceIndex, Revision

from newsdesk.articles.blocks import body_text
from newsdesk.articles.models import ArticlePage, NewsTag
from newsdesk.authors.models import Author
from newsdesk.images.models import NewsImage
from newsdesk.ingest.models import ImportedObject
from newsdesk.ingest.sources import wxr
from newsdesk.ingest.sources.base import IngestError
from newsdesk.sections.models import SectionPage

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
IMPORTED = {"publish", "draft", "pending", "private", "future"}
SHORTCODE = re.compile(r"\[/?[a-z_-]+(?:\s[^\]]*)?\]")


# What the export holds, read here with a parser of its own -------------------------------


def export_contents(path: Path) -> dict:
    """Counts and items of a WXR file, read with lxml (entities never resolved)."""
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    channel = lxml.etree.parse(str(path), parser).getroot().find("channel")
    items = [
        {
            "id": item.findtext("wp:post_id", namespaces=NS),
            "type": item.findtext("wp:post_type", namespaces=NS),
            "status": item.findtext("wp:status", namespaces=NS),
            "link": item.findtext("link") or "",
            "content": item.findtext("content:encoded", namespaces=NS) or "",
            "excerpt": item.findtext("excerpt:encoded", namespaces=NS) or "",
            "password": item.findtext("wp:post_password", namespaces=NS) or "",
            "creator": item.findtext("dc:creator", namespaces=NS) or "",
            "categories": [c.get("nicename") for c in item.findall("category[@domain='category']")],
            "tags": [c.get("nicename") for c in item.findall("category[@domain='post_tag']")],
        }
        for item in channel.findall("item")
    ]
    articles = [i for i in items if i["type"] in ("post", "page") and i["status"] in IMPORTED]
    posts = [i for i in articles if i["type"] == "post"]
    categories = {
        c.findtext("wp:category_nicename", namespaces=NS)
        for c in channel.iterfind("wp:category", NS)
    } | {name for item in posts for name in item["categories"]}
    tags = {t.findtext("wp:tag_slug", namespaces=NS) for t in channel.iterfind("wp:tag", NS)}
    tags |= {name for item in posts for name in item["tags"]}
    authors = {
        a.findtext("wp:author_login", namespaces=NS) for a in channel.iterfind("wp:author", NS)
    } | {item["creator"] for item in articles if item["creator"]}
    blog = channel.findtext("wp:base_blog_url", namespaces=NS) or channel.findtext("link")
    return {
        "blog": blog.rstrip("/"),
        "articles": articles,
        "posts": len(posts),
        "pages": len(articles) - len(posts),
        "categories": len(categories),
        "tags": len(tags),
        "authors": len(authors),
        "attachments": sum(1 for i in items if i["type"] == "attachment"),
    }


def words(html: str) -> list[str]:
    """The words a reader of the WordPress post saw: no markup, scripts, comments or
    shortcode tags."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.xpath("//script|//style|//comment()"):
        element.drop_tree()
    text = SHORTCODE.sub(" ", " ".join(root.itertext()))
    return re.findall(r"\w+", text)


def page_text(page: ArticlePage) -> str:
    """Everything the stored article says: title, lede, body (for drafts too)."""
    page = page.get_latest_revision_as_object()
    parts = [page.title, page.lede, body_text(page.body)]
    for block in page.body:
        if block.block_type == "image":
            parts += [block.value["caption"], block.value["credit"], block.value["alt"]]
        elif block.block_type == "quote":
            parts.append(block.value["attribution"])
    return " ".join(" ".join(parts).split())


def old_paths(item: dict, blog: str) -> list[str]:
    """The addresses the post was known by on its own site."""
    blog_parts = urlsplit(blog)
    query = "p" if item["type"] == "post" else "page_id"
    urls = [f"{blog_parts.path.rstrip('/')}/?{query}={item['id']}"]
    link = urlsplit(item["link"])
    if link.netloc == blog_parts.netloc and link.path.rstrip("/") + link.query:
        urls.append(item["link"])
    return list(dict.fromkeys(Redirect.normalise_path(url) for url in urls))


def run(path, *options) -> dict:
    out = io.StringIO()
    call_command("import_wxr", str(path), "--edition", "fr", "--json", *options, stdout=out)
    return json.loads(out.getvalue())


def row_counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            PageLogEntry,
            Redirect,
            ImportedObject,
            Author,
            NewsTag,
            NewsImage,
        )
    }


# Small exports written by the tests ------------------------------------------------------


def item(post_id, title="Un article", content="<p>Texte.</p>", **values) -> str:
    post_type = values.get("post_type", "post")
    link = values.get("link", f"https://ancien.example/{post_type}-{post_id}/")
    categories = "".join(
        f'<category domain="category" nicename="{n}"><![CDATA[{n.title()}]]></category>'
        for n in values.get("categories", ())
    )
    tags = "".join(
        f'<category domain="post_tag" nicename="{n}"><![CDATA[{n}]]></category>'
        for n in values.get("tags", ())
    )
    meta = "".join(
        f"<wp:postmeta><wp:meta_key>{k}</wp:meta_key><wp:meta_value><![CDATA[{v}]]>"
        "</wp:meta_value></wp:postmeta>"
        for k, v in values.get("meta", {}).items()
    )
    return f"""<item><title><![CDATA[{title}]]></title><link>{link}</link>
<dc:creator><![CDATA[{values.get("creator", "mai")}]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{values.get("excerpt", "")}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{values.get("date", "2021-05-04 10:00:00")}</wp:post_date>
<wp:post_date_gmt>{values.get("date", "2021-05-04 03:00:00")}</wp:post_date_gmt>
<wp:post_name>{values.get("slug", f"{post_type}-{post_id}")}</wp:post_name>
<wp:status>{values.get("status", "publish")}</wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type>{post_type}</wp:post_type>
<wp:post_password>{values.get("password", "")}</wp:post_password>
<wp:attachment_url>{values.get("attachment_url", "")}</wp:attachment_url>
{categories}{tags}{meta}</item>"""


def export(*items, head="", prolog="") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>{prolog}
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>L'Ancien Journal</title><link>https://ancien.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://ancien.example</wp:base_site_url>
<wp:base_blog_url>https://ancien.example</wp:base_blog_url>
<wp:author><wp:author_login>mai</wp:author_login>
<wp:author_display_name><![CDATA[Nguyễn Thị Mai]]></wp:author_display_name></wp:author>
{head}{"".join(items)}
</channel></rss>"""


@pytest.fixture
def write(tmp_path):
    def write(text, name="export.xml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def imported(kind, key) -> ArticlePage:
    record = ImportedObject.objects.get(kind=kind, key=key)
    return ArticlePage.objects.get(pk=record.object_id)


# Real exports ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["wptest.xml", "64-block-test-data.xml"])
def test_a_wordpress_export_comes_in_whole_and_a_second_run_adds_nothing(
    homes, shared_fixtures, client, name
):
    path = shared_fixtures / "wxr" / name
    expected = export_contents(path)

    summary = run(path)

    for kind in ("posts", "pages", "categories", "tags", "authors"):
        assert summary[kind]["rejected"] == []
        assert (
            summary[kind]["counts"]["created"] + summary[kind]["counts"]["skipped"]
            == (expected[kind])
        ), kind
    assert summary["attachments"]["counts"]["skipped"] == expected["attachments"]  # not fetched
    kinds = {"post": "posts", "page": "pages", "category": "categories", "tag": "tags",
             "author": "authors", "attachment": "attachments"}  # fmt: skip
    for kind, plural in kinds.items():
        assert ImportedObject.objects.filter(kind=kind).count() == expected[plural], kind
    assert ArticlePage.objects.count() == expected["posts"] + expected["pages"]

    for entry in expected["articles"]:
        page = imported(entry["type"], entry["id"])
        assert page.live == (entry["status"] == "publish"), entry["id"]
        stored = page_text(page)
        lost = [w for w in words(entry["content"]) + words(entry["excerpt"]) if w not in stored]
        assert not lost, (entry["id"], lost[:10])
        for path_ in old_paths(entry, expected["blog"]):
            assert Redirect.objects.filter(old_path=path_, redirect_page=page).exists(), path_
            if not page.live:
                continue  # a draft has no address yet
            response = client.get(path_, follow=True)
            assert response.status_code == 200, path_
            assert response.redirect_chain[-1][0] == page.url
            if not entry["password"]:
                text = " ".join(lxml.html.fromstring(response.content).text_content().split())
                lost = [w for w in words(entry["content"]) if w not in text]
                assert not lost, (entry["id"], lost[:10])
    # "/?p=123" on a blog at the root of its domain: the redirect is found for that path
    # (what RedirectMiddleware does on a 404; "/" itself answers with the default edition).
    entry = expected["articles"][0]
    first = old_paths(entry, expected["blog"])[0]
    request = RequestFactory().get(first)
    assert get_redirect(request, first).redirect_page_id == imported(entry["type"], entry["id"]).pk

    before = row_counts()
    again = run(path)
    assert row_counts() == before
    for kind in ("posts", "pages", "categories", "tags", "authors", "attachments"):
        assert again[kind]["counts"]["created"] == 0
        assert again[kind]["counts"]["updated"] == 0


@pytest.mark.django_db
def test_an_import_killed_half_way_completes_when_run_again(homes, shared_fixtures, monkeypatch):
    path = shared_fixtures / "wxr" / "64-block-test-data.xml"
    expected = export_contents(path)
    calls = {"n": 0}
    real = wxr.WxrImport._redirect

    def dies_at_the_thirtieth(self, item, page):
        calls["n"] += 1
        if calls["n"] == 30:
            raise KeyboardInterrupt  # the process is killed in the middle of an item
        return real(self, item, page)

    monkeypatch.setattr(wxr.WxrImport, "_redirect", dies_at_the_thirtieth)
    with pytest.raises(KeyboardInterrupt):
        wxr.import_wxr(path, edition="fr")
    monkeypatch.setattr(wxr.WxrImport, "_redirect", real)
    assert ArticlePage.objects.count() < expected["posts"] + expected["pages"]

    summary = wxr.import_wxr(path, edition="fr")

    assert not summary.rejected
    assert ArticlePage.objects.count() == expected["posts"] + expected["pages"]
    assert ImportedObject.objects.filter(kind="post").count() == expected["posts"]
    assert SectionPage.objects.filter(depth=3).count() == expected["categories"] + 1  # + Pages
    paths = list(Redirect.objects.values_list("old_path", flat=True))
    assert len(paths) == len(set(paths))
    assert not any(Page.find_problems())
    assert not [
        p
        for p in ArticlePage.objects.all()
        if not Redirect.objects.filter(redirect_page=p).exists()
    ]


@pytest.mark.django_db
def test_a_dry_run_reports_and_writes_nothing(homes, shared_fixtures):
    path = shared_fixtures / "wxr" / "wptest.xml"
    expected = export_contents(path)
    before = row_counts()

    summary = run(path, "--dry-run")

    assert summary["dry_run"] is True
    assert summary["posts"]["counts"]["created"] == expected["posts"]
    assert summary["categories"]["counts"]["created"] == expected["categories"]
    assert row_counts() == before


# Files refused whole ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_truncated_export_is_refused_before_anything_is_written(homes, shared_fixtures, write):
    content = (shared_fixtures / "wxr" / "wptest.xml").read_text(encoding="utf-8")
    path = write(content[: len(content) // 2])
    before = row_counts()

    with pytest.raises(CommandError, match="not well-formed XML.*truncated"):
        run(path)

    assert row_counts() == before


@pytest.mark.django_db
def test_files_that_are_not_wordpress_exports_are_refused(homes, write):
    with pytest.raises(CommandError, match="not well-formed"):
        run(write("<rss><channel><item><title>Oops</title></channel></rss>"))
    with pytest.raises(CommandError, match="not a WordPress export"):
        run(write("<rss><channel><title>A plain feed</title></channel></rss>"))
    with pytest.raises(CommandError, match="no edition 'de'"):
        call_command("import_wxr", str(write(export())), "--edition", "de")
    assert not ImportedObject.objects.exists()


@pytest.mark.django_db
def test_billion_laughs_is_refused(homes, write):
    prolog = (
        '<!DOCTYPE rss [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 or "")) * 10}">' for n in range(1, 10))
        + "]>"
    )
    path = write(export(item(1, title="&lol9;"), prolog=prolog))
    before = row_counts()

    with pytest.raises(CommandError, match="declares the XML entity 'lol'"):
        run(path)

    assert row_counts() == before


@pytest.mark.django_db
def test_an_external_entity_is_refused_and_nothing_of_the_file_it_names_comes_in(homes, write):
    prolog = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    path = write(export(item(1, title="Fuite", content="<p>&xxe;</p>"), prolog=prolog))

    with pytest.raises(CommandError, match="external entity 'xxe'.*file:///etc/passwd"):
        run(path)

    assert not ArticlePage.objects.exists()
    assert not ImportedObject.objects.exists()
    assert not Page.objects.filter(title__contains="root:").exists()


# What becomes of a post ------------------------------------------------------------------


@pytest.mark.django_db
def test_scripts_and_event_handlers_do_not_survive_and_unknown_markup_is_kept(homes, write):
    content = (
        '<!-- wp:paragraph --><p onclick="steal()">Le <b>Mékong</b> monte.'
        "<script>alert('x')</script></p><!-- /wp:paragraph -->\n\n"
        '<!-- wp:table --><figure class="wp-block-table"><table><tr>'
        '<td onmouseover="steal()">Cần Thơ</td><td>4,2 m</td></tr></table></figure>'
        "<!-- /wp:table -->\n\n"
        '<!-- wp:html --><div class="carte"><a href="javascript:steal()">Carte</a></div>'
        "<!-- /wp:html -->"
    )
    run(write(export(item(7, title="Crue", content=content))))

    page = imported("post", "7")
    stored = json.dumps(list(page.body.raw_data), ensure_ascii=False)
    for bad in ("script", "alert", "onclick", "onmouseover", "javascript", "steal"):
        assert bad not in stored
    assert [block.block_type for block in page.body] == ["paragraph", "imported_html", "paragraph"]
    assert "Cần Thơ" in stored and "Carte" in stored
    assert page.lede == "Le Mékong monte."


@pytest.mark.django_db
def test_markup_a_block_would_lose_words_of_is_kept_whole(homes, write):
    content = (
        "<p>Avant.</p>\n\n"
        "<blockquote><p>Nous tiendrons.</p>a déclaré le maire<cite>Le Monde</cite></blockquote>"
        '\n\n<figure><img src="https://ancien.example/crue.jpg" alt="">'
        "<p>Photo prise à Huế</p></figure>\n\n<p>Après.</p>"
    )
    run(write(export(item(5, content=content))))

    page = imported("post", "5")
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "imported_html",
        "imported_html",
        "paragraph",
    ]
    stored = page_text(page)
    assert all(w in stored for w in words(content)), [w for w in words(content) if w not in stored]


@pytest.mark.django_db
def test_statuses_sections_tags_byline_dates_and_passwords(homes, write, client):
    head = (
        "<wp:category><wp:category_nicename>monde</wp:category_nicename>"
        "<wp:category_parent></wp:category_parent><wp:cat_name>Monde</wp:cat_name>"
        "</wp:category><wp:category><wp:category_nicename>asie</wp:category_nicename>"
        "<wp:category_parent>monde</wp:category_parent><wp:cat_name>Asie</wp:cat_name>"
        "</wp:category><wp:category><wp:category_nicename>tags</wp:category_nicename>"
        "<wp:category_parent></wp:category_parent><wp:cat_name>Étiquettes</wp:cat_name>"
        "</wp:category>"
    )
    items = [
        item(1, title="Publié", categories=["asie"], tags=["mê-kông"], date="2019-02-03 04:05:06"),
        item(2, status="draft", categories=["tags"]),
        item(3, status="pending"),
        item(4, status="private"),
        item(5, status="future"),
        item(6, status="trash"),
        item(7, title="Secret", password="sésame", categories=["monde"]),
        item(8, title="À propos", post_type="page"),
    ]
    summary = run(write(export(*items, head=head)))

    assert summary["posts"]["counts"] == {"created": 6, "updated": 0, "skipped": 1, "rejected": 0}
    published = imported("post", "1")
    assert published.live and published.url == "/fr/monde/asie/2019/02/post-1/"
    assert published.published_at.isoformat() == "2019-02-03T04:05:06+00:00"
    assert published.first_published_at == published.published_at
    assert [t.name for t in published.tags.all()] == ["mê-kông"]
    assert [a.author.name for a in published.article_authors.all()] == ["Nguyễn Thị Mai"]
    assert published.revisions.count() == 1 and published.live_revision is not None
    assert set(PageLogEntry.objects.filter(page=published).values_list("action", flat=True)) == {
        "wagtail.create",
        "wagtail.publish",
    }
    for post_id in (2, 3, 4, 5):
        draft = imported("post", str(post_id))
        assert not draft.live and draft.has_unpublished_changes
        assert Redirect.objects.filter(old_path=f"/post-{post_id}", redirect_page=draft).exists()
    assert imported("post", "2").get_parent().get_parent().get_parent().slug == "tags-2"
    assert not ImportedObject.objects.filter(kind="post", key="6").exists()
    secret = imported("post", "7")
    assert PageViewRestriction.objects.get(page=secret).password == "sésame"
    assert "Texte." not in client.get("/post-7/", follow=True).content.decode()
    about = imported("page", "8")
    assert about.url == "/fr/pages/2021/05/page-8/"
    assert client.get("/?page_id=8", follow=True).redirect_chain[-1][0] == about.url
    assert client.get("/?utm_source=x")["Location"] == "/fr/"  # no redirect: the edition
    assert client.get("/page-8/", follow=True).redirect_chain[-1][0] == about.url


@pytest.mark.django_db
def test_imported_articles_are_ordinary_wagtail_pages(homes, write, client, django_user_model):
    run(
        write(
            export(item(1, title="Publié", content="<p>Texte publié.</p>"), item(2, status="draft"))
        )
    )
    chief = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(chief)
    published, draft = imported("post", "1"), imported("post", "2")

    for page in (published, draft, published.get_parent()):
        assert client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
    assert (
        client.get(reverse("wagtailadmin_pages:history", args=(published.pk,))).status_code == 200
    )
    draft.get_latest_revision().publish()
    draft.refresh_from_db()
    assert draft.live and draft.first_published_at is not None
    assert client.get(published.url).status_code == 200
    assert published in list(ArticlePage.objects.search("publié"))
    assert ReferenceIndex.get_references_to(published.article_authors.get().author).exists()
    # The search index follows every save again once the import is over.
    assert post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    post_save.connect(post_save_signal_handler, sender=ArticlePage)


@pytest.mark.django_db
def test_a_post_changed_in_wordpress_is_updated_and_one_that_fails_is_reported(
    homes, write, monkeypatch
):
    path = write(export(item(1, content="<p>Première version.</p>"), item(2)))
    run(path)
    path = write(export(*[item(n, content=f"<p>Version {n}.</p>") for n in (1, 2, 3, 4)]))
    real = wxr.WxrImport._redirect

    def fails_once_the_third_is_in_the_tree(self, entry, page):
        if entry.post_id == "3":
            raise IngestError("the post is broken")
        return real(self, entry, page)

    monkeypatch.setattr(wxr.WxrImport, "_redirect", fails_once_the_third_is_in_the_tree)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import_wxr", str(path), "--edition", "fr", "--json", stdout=out)

    assert exit_.value.code == 1
    summary = json.loads(out.getvalue())
    assert summary["posts"]["updated"] == ["post 1: Un article", "post 2: Un article"]
    assert summary["posts"]["created"] == ["post 4: Un article"]
    assert summary["posts"]["rejected"] == [
        {"item": "post 3: Un article", "reason": "the post is broken"}
    ]
    page = imported("post", "1")
    assert "Version 1." in page_text(page) and page.live
    assert page.revisions.count() == 2
    assert not ImportedObject.objects.filter(kind="post", key="3").exists()
    assert not ArticlePage.objects.filter(slug="post-3").exists()
    assert imported("post", "4").get_parent() == page.get_parent()  # same month folder
    assert not any(Page.find_problems())  # the tree is sound after the rolled-back post

    monkeypatch.setattr(wxr.WxrImport, "_redirect", real)
    again = run(path)
    assert again["posts"]["created"] == ["post 3: Un article"]
    assert not any(Page.find_problems())


@pytest.mark.django_db
def test_the_text_summary_counts_each_type(homes, write):
    out = io.StringIO()
    path = write(export(item(1, categories=["sport"], tags=["football"])))

    call_command("import_wxr", str(path), "--edition", "fr", stdout=out)

    text = out.getvalue()
    assert "WordPress site https://ancien.example → edition fr" in text
    assert "posts        created: 1, updated: 0, skipped: 0, rejected: 0" in text
    assert "categories   created: 1" in text and "tags         created: 1" in text
    assert "authors      created: 1" in text


@pytest.mark.django_db
def test_a_site_goes_to_one_edition(homes, write):
    path = write(export(item(1)))
    run(path)
    with pytest.raises(CommandError, match="imported into the fr edition already"):
        call_command("import_wxr", str(path), "--edition", "en")


# Media ------------------------------------------------------------------------------------


def png(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png(side=20_000) -> bytes:
    """A real 1-bit PNG of side × side pixels, compressed to a few tens of kilobytes,
    written row by row so the test never holds it decompressed."""

    def chunk(kind, data):
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    packer = zlib.compressobj(9)
    row = b"\0" * (1 + side // 8)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture
def media_server(settings):
    """A web server on 127.0.0.1 serving ``files`` (path → bytes); requests are recorded."""
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True
    files, seen = {}, []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("User-Agent", "")))
            body = files.get(self.path.split("?")[0])
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.files, server.seen = files, seen
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_media_are_downloaded_through_the_safe_client_and_a_bomb_is_refused(
    homes, write, media_server
):
    base = media_server.url
    media_server.files.update({"/uploads/photo.png": png(), "/uploads/bomb.png": bomb_png()})
    attachments = [
        item(10, title="Photo du port", post_type="attachment", status="inherit",
             attachment_url=f"{base}/uploads/photo.png", excerpt="Le port de Hải Phòng",
             meta={"_wp_attachment_image_alt": "Un port"}),
        item(11, title="Piège", post_type="attachment", status="inherit",
             attachment_url=f"{base}/uploads/bomb.png"),
    ]  # fmt: skip
    content = (
        f'<figure><img src="{base}/uploads/photo-300x200.png?w=300" alt="Port">'
        "<figcaption>Le port au matin</figcaption></figure>\n\n"
        "<p>Le trafic double.</p>\n\n"
        f'<figure><img src="{base}/uploads/bomb.png" alt=""><figcaption>Vue aérienne'
        "</figcaption></figure>"
    )
    post = item(1, title="Le port", content=content, meta={"_thumbnail_id": "10"})

    summary = wxr.import_wxr(write(export(*attachments, post)), edition="fr", download_media=True)

    assert summary.types["attachments"].created == ["attachment 10: Photo du port"]
    [rejected] = summary.types["attachments"].rejected
    assert rejected["item"] == "attachment 11: Piège"
    assert "attachment 11" in rejected["reason"] and "bomb.png" in rejected["reason"]
    assert "decompression bomb" in rejected["reason"] or "pixels" in rejected["reason"]
    assert summary.types["posts"].created == ["post 1: Le port"]
    photo = NewsImage.objects.get()
    assert (photo.title, photo.caption, photo.alt_text) == (
        "Photo du port",
        "Le port de Hải Phòng",
        "Un port",
    )
    assert photo.credit == "L'Ancien Journal"
    page = imported("post", "1")
    assert page.live and page.lead_image == photo
    blocks = list(page.body)
    assert [b.block_type for b in blocks] == ["image", "paragraph", "imported_html"]
    assert blocks[0].value["image"] == photo and blocks[0].value["caption"] == "Le port au matin"
    assert "bomb.png" in str(blocks[2].value) and "Vue aérienne" in str(blocks[2].value)
    assert all(agent.startswith("Newsdesk/") for _path, agent in media_server.seen)
    assert sorted({p for p, _agent in media_server.seen}) == [
        "/uploads/bomb.png",
        "/uploads/photo.png",
    ]

    again = wxr.import_wxr(write(export(*attachments, post)), edition="fr", download_media=True)
    assert again.types["attachments"].skipped == ["attachment 10: Photo du port"]
    assert again.types["posts"].skipped == ["post 1: Le port"]
    assert NewsImage.objects.count() == 1


@pytest.mark.django_db
def test_without_download_an_image_stays_as_markup_and_a_later_download_updates_it(
    homes, write, media_server
):
    base = media_server.url
    media_server.files["/uploads/photo.png"] = png()
    attachment = item(10, title="Photo", post_type="attachment", status="inherit",
                      attachment_url=f"{base}/uploads/photo.png")  # fmt: skip
    content = f'<figure><img src="{base}/uploads/photo.png" alt="Quai"><figcaption>Le quai'
    content += "</figcaption></figure>\n\n<p>Texte.</p>"
    path = write(export(attachment, item(1, content=content)))

    wxr.import_wxr(path, edition="fr")

    page = imported("post", "1")
    [figure, _paragraph] = page.body
    assert figure.block_type == "imported_html"
    assert f'src="{base}/uploads/photo.png"' in str(figure.value)
    assert "Le quai" in str(figure.value)
    assert not media_server.seen

    summary = wxr.import_wxr(path, edition="fr", download_media=True)

    assert summary.types["attachments"].created == ["attachment 10: Photo"]
    assert summary.types["posts"].updated == ["post 1: Un article"]
    page = imported("post", "1")
    assert [b.block_type for b in page.body] == ["image", "paragraph"]
    assert page.live
