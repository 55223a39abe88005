"""Speed of a WordPress migration: posts imported per second.

    .venv/bin/python benchmarks/wxr_import.py [POSTS]

Writes a WordPress export of POSTS text-only posts (10,000 by default: five paragraphs and
a heading each, five authors, twenty categories, fifty tags, one in ten a draft), migrates
a fresh SQLite database in a temporary folder, imports the file into the ``fr`` edition
without media download, and prints posts per second (the target is 200), then the time a
second run takes (which finds everything and changes nothing). The temporary folder is
removed at the end.
"""

import logging
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
FOLDER = Path(tempfile.mkdtemp(prefix="newsdesk-wxr-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{FOLDER / 'db.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()
logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per page created

from django.core.management import call_command  # noqa: E402

from newsdesk.ingest.sources.wxr import import_wxr  # noqa: E402

VOCABULARY = """le la les un une des du de et à en pour sur dans avec par ministre
gouvernement Hanoï Paris ville pays accord économie marché élection président réforme budget
tribunal police école santé climat énergie transport port fleuve Mékong récolte"""
WORDS = VOCABULARY.split()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def export(posts: int) -> str:
    rng = random.Random(7)
    head = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:wp="http://wordpress.org/export/1.2/">',
        "<channel><title>Bench</title><link>https://old.example</link>",
        "<wp:wxr_version>1.2</wp:wxr_version>",
        "<wp:base_site_url>https://old.example</wp:base_site_url>",
        "<wp:base_blog_url>https://old.example</wp:base_blog_url>",
    ]
    for n in range(5):
        head.append(
            f"<wp:author><wp:author_login>author{n}</wp:author_login>"
            f"<wp:author_display_name><![CDATA[Auteur {n}]]></wp:author_display_name>"
            "</wp:author>"
        )
    for n in range(20):
        head.append(
            f"<wp:category><wp:term_id>{n + 1}</wp:term_id>"
            f"<wp:category_nicename>rubrique-{n}</wp:category_nicename>"
            f"<wp:category_parent></wp:category_parent>"
            f"<wp:cat_name><![CDATA[Rubrique {n}]]></wp:cat_name></wp:category>"
        )
    for n in range(50):
        head.append(
            f"<wp:tag><wp:tag_slug>mot-{n}</wp:tag_slug>"
            f"<wp:tag_name><![CDATA[Mot {n}]]></wp:tag_name></wp:tag>"
        )
    items = []
    for n in range(1, posts + 1):
        paragraphs = [sentence(rng, rng.randint(20, 60)) for _ in range(5)]
        content = "\n\n".join(paragraphs[:2] + [f"<h2>{sentence(rng, 5)}</h2>"] + paragraphs[2:])
        day = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:00:00"
        tags = "".join(
            f'<category domain="post_tag" nicename="mot-{t}"><![CDATA[Mot {t}]]></category>'
            for t in rng.sample(range(50), 3)
        )
        items.append(
            f"<item><title><![CDATA[{sentence(rng, 8)}]]></title>"
            f"<link>https://old.example/{day[:4]}/{day[5:7]}/article-{n}/</link>"
            f'<guid isPermaLink="false">https://old.example/?p={n}</guid>'
            f"<dc:creator><![CDATA[author{n % 5}]]></dc:creator>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>"
            f"<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
            f"<wp:post_id>{n}</wp:post_id><wp:post_date>{day}</wp:post_date>"
            f"<wp:post_date_gmt>{day}</wp:post_date_gmt>"
            f"<wp:post_name>article-{n}</wp:post_name>"
            f"<wp:status>{'draft' if n % 10 == 0 else 'publish'}</wp:status>"
            f"<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
            f'<category domain="category" nicename="rubrique-{n % 20}">'
            f"<![CDATA[Rubrique {n % 20}]]></category>{tags}</item>"
        )
    return "\n".join(head + items + ["</channel></rss>"])


def main():
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    try:
        path = FOLDER / "export.xml"
        path.write_text(export(posts), encoding="utf-8")
        print(f"{posts} posts, {path.stat().st_size / 1e6:.1f} MB; migrating a fresh database…")
        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        summary = import_wxr(path, edition="fr")
        elapsed = time.perf_counter() - start
        counts = summary.as_dict()["posts"]["counts"]
        assert counts["created"] == posts and not summary.rejected, summary
        print(f"first run: {elapsed:.1f} s, {posts / elapsed:.0f} posts/s (target: 200)")
        start = time.perf_counter()
        summary = import_wxr(path, edition="fr")
        elapsed = time.perf_counter() - start
        assert summary.created_count == 0, summary
        print(f"second run (nothing to do): {elapsed:.1f} s, {posts / elapsed:.0f} posts/s")
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)


if __name__ == "__main__":
    main()
