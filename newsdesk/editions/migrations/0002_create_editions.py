"""Every Newsdesk database starts with its three editions: fr (default), en and vi.

Each edition is a Wagtail locale with its own home page; the home pages share one
translation key, so they are translations of one another, and the default site's root is
the French one (Wagtail serves the others at /en/ and /vi/).
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations
from django.utils import timezone

EDITIONS = [
    ("fr", "Édition française", "00010001"),
    ("en", "English edition", "00010002"),
    ("vi", "Ấn bản tiếng Việt", "00010003"),
]


def create_editions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("editions.HomePage")

    # Wagtail's welcome page goes; the editions take its place under the tree root.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="editions", model="homepage")
    translation_key = uuid.uuid4()
    now = timezone.now()
    homes = {}
    for code, title, path in EDITIONS:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        homes[code] = HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=code,
            content_type=content_type,
            path=path,
            depth=2,
            numchild=0,
            url_path=f"/{code}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
    Page.objects.filter(depth=1).update(numchild=len(EDITIONS), locale=homes["fr"].locale)
    # The site's address (for canonical URLs) starts as NEWSDESK_BASE_URL; editable in the admin.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    Site.objects.all().delete()
    Site.objects.create(
        hostname=base.hostname or "localhost",
        port=port,
        site_name=settings.WAGTAIL_SITE_NAME,
        root_page=homes["fr"],
        is_default_site=True,
    )


def remove_editions(apps, schema_editor):
    apps.get_model("editions.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_editions, remove_editions)]
