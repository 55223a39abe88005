"""Search finds what a reader expects, in each edition: a relevance test set.

``tests/data/search_relevance.json`` holds generated stories, added to the demo content, and
queries in French, English and Vietnamese. For each query it names the stories that must be in
the first five results and the ones that must not come back at all. Over all queries:

- precision@5 = Σ relevant stories in the top five / Σ min(5, number of results): a story
  the file does not name for a query counts as not relevant;
- recall = Σ relevant stories in the top five / Σ stories that must be there;
- violations = stories named as ``must_not`` that come back anywhere.

The suite fails under 0.9 for precision@5 or recall, or on any violation. Run it with ``-s``
to see the figures and a line for each query that loses points. The same file runs on SQLite
and on PostgreSQL (``DATABASE_URL=postgres://…``).
"""

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from newsdesk.articles.models import ArticlePage
from newsdesk.authors.models import Author
from newsdesk.editions import demo_content
from newsdesk.editions.demo import load_demo
from newsdesk.editions.models import HomePage
from newsdesk.search.services import search_articles
from newsdesk.sections.models import SectionPage
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

DATA = json.loads(
    (Path(__file__).parent / "data" / "search_relevance.json").read_text(encoding="utf-8")
)
LANGUAGES = ("fr", "en", "vi")
STATES = ("live", "draft", "scheduled", "unpublished", "private")
TOP = 5
THRESHOLD = 0.9


def demo_slugs() -> set[str]:
    flagship = demo_content.FLAGSHIP["translations"].values()
    return {spec["slug"] for spec in [*demo_content.ARTICLES, *flagship]}


def test_the_data_file_covers_each_edition():
    queries = DATA["queries"]
    generated = [spec["slug"] for spec in DATA["articles"]]
    known = set(generated) | demo_slugs()
    assert len(queries) >= 40
    for language in LANGUAGES:
        assert sum(q["language"] == language for q in queries) >= 10, language
    assert len(generated) == len(set(generated)), "a generated slug is used twice"
    assert not set(generated) & demo_slugs(), "a generated slug is a demo story's"
    assert {spec["state"] for spec in DATA["articles"] if "state" in spec} <= set(STATES)
    for query in queries:
        assert query["language"] in LANGUAGES, query
        assert len(query["must_top5"]) <= TOP, query["text"]
        assert not set(query["must_top5"]) & set(query["must_not"]), query["text"]
        assert set(query["must_top5"]) | set(query["must_not"]) <= known, query["text"]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The demo editions plus the generated stories, built once for the module and rolled
    back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        build_generated(DATA)
        yield
        transaction.set_rollback(True)


def build_generated(data: dict) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    sections = {
        (section.locale.language_code, section.slug): section
        for section in SectionPage.objects.select_related("locale")
    }
    for spec in data["sections"]:
        sections[(spec["language"], spec["slug"])] = SectionFactory(
            parent=homes[spec["language"]], title=spec["title"], slug=spec["slug"]
        )
    authors = {
        (author.locale.language_code, author.slug): author
        for author in Author.objects.select_related("locale")
    }
    for spec in data["authors"]:
        authors[(spec["language"], spec["slug"])] = AuthorFactory(
            name=spec["name"], slug=spec["slug"], locale=locales[spec["language"]]
        )
    now = timezone.now()
    for spec in data["articles"]:
        language, state = spec["language"], spec.get("state", "live")
        page = ArticleFactory(
            section=sections[(language, spec["section"])],
            slug=spec["slug"],
            title=spec["title"],
            kicker=spec.get("kicker", ""),
            lede=spec["lede"],
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["body"]],
            published_at=now - timedelta(days=spec["age_days"]),
            live=state not in ("draft", "scheduled"),
            authors=[authors[(language, slug)] for slug in spec.get("authors", [])],
            tags=spec.get("tags", []),
            lead_image=None,
        )
        if state == "scheduled":
            page.go_live_at = now + timedelta(days=3)
            page.save_revision().publish()
        elif state == "unpublished":
            page.unpublish()
        elif state == "private":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="subscribers"
            )
        if changes := spec.get("pending_draft"):
            for field, value in changes.items():
                setattr(page, field, value)
            page.save_revision()


def test_the_corpus_holds_what_the_data_file_describes(corpus, db):
    stories = ArticlePage.objects.all()
    slugs = list(stories.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)), "two stories share a slug: results would be ambiguous"
    readable = set(stories.live().public().values_list("slug", flat=True))
    for spec in DATA["articles"]:
        assert (spec["slug"] in readable) == (spec.get("state", "live") == "live"), spec["slug"]
    assert demo_slugs() <= readable


@dataclass
class Outcome:
    query: dict
    results: list[str]

    @property
    def top(self) -> list[str]:
        return self.results[:TOP]

    @property
    def hits(self) -> int:
        return len(set(self.top) & set(self.query["must_top5"]))

    @property
    def shown(self) -> int:
        return min(TOP, len(self.results))

    @property
    def missed(self) -> list[str]:
        return [slug for slug in self.query["must_top5"] if slug not in self.top]

    @property
    def unjudged(self) -> list[str]:
        return [slug for slug in self.top if slug not in self.query["must_top5"]]

    @property
    def violations(self) -> list[str]:
        return [slug for slug in self.query["must_not"] if slug in self.results]

    @property
    def perfect(self) -> bool:
        return not (self.missed or self.unjudged or self.violations)


def run(query: dict) -> Outcome:
    locale = Locale.objects.get(language_code=query["language"])
    return Outcome(query, [story.slug for story in search_articles(query["text"], locale=locale)])


def figures(outcomes: list[Outcome]) -> tuple[float, float, int]:
    hits = sum(outcome.hits for outcome in outcomes)
    shown = sum(outcome.shown for outcome in outcomes)
    wanted = sum(len(outcome.query["must_top5"]) for outcome in outcomes)
    precision = hits / shown if shown else 1.0
    recall = hits / wanted if wanted else 1.0
    return precision, recall, sum(len(outcome.violations) for outcome in outcomes)


def report(outcomes: list[Outcome]) -> str:
    precision, recall, violations = figures(outcomes)
    lines = [
        f"precision@5 {precision:.3f}, recall {recall:.3f}, violations {violations} "
        f"({len(outcomes)} queries)"
    ]
    for language in LANGUAGES:
        p, r, v = figures([o for o in outcomes if o.query["language"] == language])
        lines.append(f"  {language}: precision@5 {p:.3f}, recall {r:.3f}, violations {v}")
    for outcome in outcomes:
        if outcome.perfect:
            continue
        query = outcome.query
        lines.append(
            f"[{query['language']}] {query['text']!r}: {outcome.hits}/{outcome.shown} in the top "
            f"{TOP}, {len(outcome.results)} results"
        )
        for label, slugs in (
            ("missed", outcome.missed),
            ("unjudged in the top 5", outcome.unjudged),
            ("must not appear", outcome.violations),
            ("top 5", outcome.top),
        ):
            if slugs:
                lines.append(f"    {label}: {', '.join(slugs)}")
    return "\n".join(lines)


def test_search_relevance_meets_the_bar(corpus, db):
    outcomes = [run(query) for query in DATA["queries"]]
    summary = report(outcomes)
    print(f"\n{summary}")
    precision, recall, violations = figures(outcomes)
    assert precision >= THRESHOLD and recall >= THRESHOLD and violations == 0, summary
