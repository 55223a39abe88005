"""Feeds inside an edition (``/<lang>/feed/`` …), mounted in the i18n patterns.

RSS 2.0 at ``…/feed/``, Atom at ``…/feed/atom/``. Author and tag feeds come before the
section feeds, whose pattern would take any path; “authors”, “tags”, “feed” and “atom”
are slugs no section may have (``sections.models.RESERVED_SLUGS``).
"""

from django.urls import path, re_path

from . import feeds

RSS = {"feed_format": "rss"}
ATOM = {"feed_format": "atom"}
SECTION = r"^(?P<section_path>(?:[^/]+/)+)feed/"

urlpatterns = [
    path("feed/", feeds.edition_feed, RSS, name="edition_feed"),
    path("feed/atom/", feeds.edition_feed, ATOM, name="edition_feed_atom"),
    path("authors/<slug:slug>/feed/", feeds.author_feed, RSS, name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.author_feed, ATOM, name="author_feed_atom"),
    path("tags/<slug:slug>/feed/", feeds.tag_feed, RSS, name="tag_feed"),
    path("tags/<slug:slug>/feed/atom/", feeds.tag_feed, ATOM, name="tag_feed_atom"),
    re_path(SECTION + "$", feeds.section_feed, RSS, name="section_feed"),
    re_path(SECTION + "atom/$", feeds.section_feed, ATOM, name="section_feed_atom"),
]
