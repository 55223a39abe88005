"""Search reads each edition in its language: stems, accents and case ignored on both
sides, phrases in quotes, Vietnamese without its diacritics. The same tests run on SQLite
and on PostgreSQL (``make test-postgres``)."""

import pytest
from wagtail.models import Locale

from newsdesk.search.services import search_articles
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(homes):
    monde = SectionFactory(parent=homes["fr"], title="Monde", slug="monde")
    world = SectionFactory(parent=homes["en"], title="World", slug="world")
    thoi_su = SectionFactory(parent=homes["vi"], title="Thời sự", slug="thoi-su")
    make = ArticleFactory
    return {
        "election": make(section=monde, title="Une élection disputée au Sénégal",
                         lede="Le scrutin présidentiel se tient dimanche.", body=[]),
        "usa": make(section=monde, title="Les États-Unis suspendent leur aide",
                    lede="Washington gèle les livraisons.", body=[]),
        "ministre": make(section=monde, title="Le premier ministre en visite à Hanoï",
                         lede="Une visite de deux jours.", body=[]),
        "ministre_apart": make(section=monde, title="Un ministre nommé, le premier d'une série",
                               lede="Le gouvernement change.", body=[]),
        "moliere": make(section=monde, title="Quand le cải lương s'empare de Molière",
                        lede="La troupe joue L'Avare.", body=[]),
        "report": make(section=world, title="A damning report on river pollution",
                       lede="Inspectors found the plant at fault.", body=[]),
        "hanoi": make(section=thoi_su, title="Hà Nội mở rộng tuyến đường sắt đô thị",
                      lede="Thủ đô khởi công tuyến metro mới.", body=[]),
        "danang": make(section=thoi_su, title="Đà Nẵng đón khách quốc tế",
                       lede="Du lịch phục hồi mạnh.", body=[]),
    }  # fmt: skip


def found(query, language):
    return {
        a.slug for a in search_articles(query, locale=Locale.objects.get(language_code=language))
    }


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("élections", "fr", "election"),  # plural finds singular
        ("ELECTION", "fr", "election"),  # case
        ("presidentielle", "fr", "election"),  # accents off, feminine finds masculine stem
        ("etats-unis", "fr", "usa"),  # hyphen, accent and case
        ("ÉTATS UNIS", "fr", "usa"),
        ("moliere", "fr", "moliere"),  # accents that change the stem when present
        ("MOLIÈRE", "fr", "moliere"),
        ("cai luong", "fr", "moliere"),  # Vietnamese words in a French story
        ("reports", "en", "report"),  # English plural
        ("reporting", "en", "report"),
        ("ha noi", "vi", "hanoi"),  # Vietnamese without diacritics
        ("HA NOI metro", "vi", "hanoi"),
        ("da nang", "vi", "danang"),  # đ reads as d
        ("Đà Nẵng", "vi", "danang"),
        ("thu do", "vi", "hanoi"),
    ],
)
def test_words_match_whatever_their_form(stories, query, language, expected):
    assert stories[expected].slug in found(query, language)


def test_a_quoted_phrase_matches_the_words_together_only(stories):
    assert found('"premier ministre"', "fr") == {stories["ministre"].slug}
    assert found("premier ministre", "fr") == {
        stories["ministre"].slug,
        stories["ministre_apart"].slug,
    }
    assert found('"etats unis" aide', "fr") == {stories["usa"].slug}


def test_an_edition_search_stays_in_its_edition(stories):
    assert found("Hà Nội", "fr") == set()
    assert found("report", "fr") == set()


def test_the_newsroom_search_reads_every_language(stories):
    slugs = {a.slug for a in search_articles("élections", published_only=False)}
    assert stories["election"].slug in slugs
    assert {a.slug for a in search_articles("ha noi", published_only=False)} == {
        stories["hanoi"].slug
    }
    assert stories["report"].slug in {
        a.slug for a in search_articles("reports", published_only=False)
    }


def test_premier_and_premiere_find_each_other(stories, homes):
    monde = stories["ministre"].get_parent().get_parent().get_parent()
    feminine = ArticleFactory(
        section=monde, title="La Première ministre thaïlandaise à Hanoï", body=[]
    )
    assert found('"premier ministre"', "fr") == {stories["ministre"].slug, feminine.slug}
    assert stories["ministre"].slug in found("première", "fr")


def test_vietnamese_syllables_are_looked_for_together_first(stories):
    thoi_su = stories["hanoi"].get_parent().get_parent().get_parent()
    apart = ArticleFactory(
        section=thoi_su, title="Chợ nổi Cái Răng", lede="Bà Thu Hà bán trái cây.", body=[]
    )
    assert found("ha noi", "vi") == {stories["hanoi"].slug}  # not "Hà … nổi"
    # syllables that never stand together are still found anywhere in a story
    assert found("cho ha", "vi") == {apart.slug}
