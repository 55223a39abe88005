import os
from pathlib import Path

import pytest
from wagtail.models import Locale

from newsdesk.editions.models import HomePage

SHARED = Path(__file__).resolve().parents[2] / "shared"

# The suite runs twice in CI: on SQLite, then on PostgreSQL. Tests that build whole sites of
# their own in other processes run once: those on PostgreSQL in the PostgreSQL run, the others
# in the SQLite run.
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: Wagtail caches renditions by image id, and
    SQLite hands a rolled-back id out again to the next test's image."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def homes(db):
    """The three edition home pages every Newsdesk database starts with, by language."""
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def shared_fixtures():
    """``../shared/fixtures`` (real WordPress exports, IPTC ninjs items and schemas…): every
    developer and CI has it; a user's fresh clone may not, and then the test says so."""
    folder = SHARED / "fixtures"
    if not folder.is_dir():
        pytest.skip(f"the shared test data is not at {folder}")
    return folder


from tests.local_server import local_server_fixture  # noqa: E402, F401 — the `local_server` fixture
