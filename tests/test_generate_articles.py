"""`generate_articles N` files realistic published stories in bulk: a valid page tree, pages
that render and are listed, bodies of 400 to 1,200 words in each edition's language, found
by search, the same stories for the same seed. The same tests run on PostgreSQL."""

import json
import re
from collections import Counter
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from newsdesk.articles.blocks import body_text
from newsdesk.articles.generate import generate_articles
from newsdesk.articles.models import ArticlePage
from newsdesk.search.services import search_articles
from newsdesk.sections.models import SectionPage

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
COMMON = {"fr": {"le", "la", "de", "des"}, "en": {"the", "of"}, "vi": {"của", "và", "các"}}


def generate(*args) -> dict:
    out = StringIO()
    call_command("generate_articles", *map(str, args), "--json", stdout=out)
    return json.loads(out.getvalue())


def tree_problems() -> list:
    return [problem for problem in Page.find_problems() if problem]


@pytest.fixture
def stories(homes):
    """Sixty stories over the three editions, indexed for search."""
    summary = generate(60, "--seed", 7)
    assert summary["created"] == 60
    return list(ArticlePage.objects.select_related("locale").order_by("pk"))


def test_the_command_reports_what_it_created_and_how_fast(homes):
    summary = generate(12, "--seed", 1, "--no-index")
    assert summary["created"] == 12
    assert summary["seconds"] > 0
    # the rate is given to one decimal
    assert summary["rate"] == pytest.approx(12 / summary["seconds"], rel=0.01, abs=0.05)
    out = StringIO()
    call_command("generate_articles", "3", "--no-index", stdout=out)
    assert re.fullmatch(
        r"Created 3 articles \(.*\) in [\d.]+ s: [\d,]+ articles/s \(.*\)\.\n", out.getvalue()
    )


def test_the_page_tree_stays_valid(stories):
    assert tree_problems() == []
    out = StringIO()
    call_command("fixtree", interactive=False, stdout=out)
    assert "Incorrect" not in out.getvalue() and "Orphaned" not in out.getvalue()


def test_stories_sit_in_month_folders_of_their_dates_in_every_edition(stories):
    assert set(Counter(story.locale.language_code for story in stories)) == {"fr", "en", "vi"}
    for story in stories:
        folder = story.get_parent().specific
        when = timezone.localtime(story.published_at)
        assert folder.url_path.endswith(f"/{when.year:04d}/{when.month:02d}/")
        assert story.url_path == f"{folder.url_path}{story.slug}/"
        assert story.live and story.first_published_at == story.published_at
        assert story.get_section().locale_id == story.locale_id


def test_stories_render_at_their_address_and_are_listed_in_their_section(client, stories):
    for story in stories[::10]:
        response = client.get(story.url)
        assert response.status_code == 200, story.url
        assert escape(story.title) in response.content.decode()
    section = stories[0].get_section()
    newest = ArticlePage.objects.live().descendant_of(section).order_by("-published_at").first()
    response = client.get(section.url)
    assert response.status_code == 200
    assert escape(newest.title) in response.content.decode()


def test_bodies_have_400_to_1200_words_in_the_editions_language(stories):
    for story in stories:
        text = body_text(story.body)
        words = text.split()
        assert 400 <= len(words) <= 1200, (story.pk, len(words))
        language = story.locale.language_code
        lowered = {word.lower() for word in words}
        assert COMMON[language] <= lowered, (language, story.title)
        assert not any(COMMON[other] <= lowered for other in COMMON if other != language)
        assert bool(VIETNAMESE.search(text)) or language != "vi"
        assert story.title and story.lede


def test_search_finds_a_word_of_a_generated_body(stories):
    for story in [s for s in stories if s.locale.language_code == "fr"][:3]:
        word = max(re.findall(r"\w+", body_text(story.body)), key=len)
        found = {article.pk for article in search_articles(word, locale=story.locale)}
        assert story.pk in found, word
    story = next(s for s in stories if s.locale.language_code == "vi")
    phrase = " ".join(body_text(story.body).split()[:3]).strip(".,")
    found = {a.pk for a in search_articles(f'"{phrase}"', locale=story.locale)}
    assert story.pk in found, phrase


def test_stories_have_bylines_from_their_edition_tags_and_spread_out_dates(stories):
    for story in stories:
        authors = [link.author for link in story.article_authors.select_related("author")]
        assert 1 <= len(authors) <= 3
        assert {author.locale_id for author in authors} == {story.locale_id}
        assert 2 <= story.tags.count() <= 5
    dates = [story.published_at for story in stories]
    assert max(dates) - min(dates) > timedelta(days=2 * 365)
    assert sum(bool(story.kicker) for story in stories) > 5


def test_the_same_seed_writes_the_same_stories(homes):
    until = timezone.make_aware(datetime(2025, 6, 1))

    def run():
        with transaction.atomic():
            generate_articles(count=8, seed=42, index=False, until=until)
            written = list(
                ArticlePage.objects.order_by("pk").values_list("title", "lede", "published_at")
            )
            transaction.set_rollback(True)
        return written

    first = run()
    assert len(first) == 8
    assert run() == first


def test_a_second_run_adds_to_the_same_folders(homes):
    generate(30, "--seed", 1, "--years", 1, "--no-index")
    generate(30, "--seed", 2, "--years", 1, "--no-index")
    assert ArticlePage.objects.count() == 60
    assert tree_problems() == []
    per_folder = Counter(ArticlePage.objects.values_list("url_path", flat=True))
    assert max(per_folder.values()) == 1  # no two stories share an address


def test_one_edition_only(homes):
    generate(10, "--edition", "vi", "--no-index")
    assert set(ArticlePage.objects.values_list("locale__language_code", flat=True)) == {"vi"}
    assert SectionPage.objects.descendant_of(homes["fr"]).count() == 0


def test_an_unknown_edition_is_refused(homes):
    with pytest.raises(CommandError, match="no edition in de"):
        call_command("generate_articles", "5", "--edition", "de", stdout=StringIO())
