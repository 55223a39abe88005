"""Factories for the newsroom's objects: each test builds exactly what it needs."""

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from newsdesk.articles.models import ArticleAuthor, ArticlePage
from newsdesk.articles.services import get_month_folder
from newsdesk.authors.models import Author
from newsdesk.images.models import NewsImage
from newsdesk.ingest.models import Source
from newsdesk.sections.models import SectionPage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = NewsImage

    title = factory.Sequence(lambda n: f"Photo {n}")
    alt_text = "Soldats en première ligne"
    caption = "Soldats ukrainiens en première ligne."
    credit = "Photo : X/@ZelenskyyUa"


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Viet Dung {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    job_title = "Reporter"
    locale = factory.LazyFunction(Locale.get_default)


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = "vietnamnet.vn"
    home_url = "https://vietnamnet.vn"


class SectionFactory(wagtail_factories.PageFactory):
    """A published section; pass ``parent`` (an edition home or another section)."""

    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        kwargs.setdefault("locale_id", parent.locale_id)
        return super()._create(model_class, *args, parent=parent, **kwargs)


class ArticleFactory(factory.Factory):
    """A published article filed in its section's month folder; pass ``section``."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Les États-Unis partagent des renseignements {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    lede = "Washington continue de partager des renseignements avec Kiev, à des fins défensives."
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Le site Kyiv Independent a rapporté le 8 mars que CNN citait…</p>"),
            ("quote", {"quote": "Nous continuerons.", "attribution": "une source de CNN"}),
        ]
    )
    published_at = factory.LazyFunction(timezone.now)
    lead_image = factory.SubFactory(ImageFactory)

    @classmethod
    def _create(
        cls, model_class, *, section, authors=(), tags=(), live=True, quick=False, **kwargs
    ):
        """``quick`` publishes without a revision: for tests that need hundreds of stories."""
        page = model_class(locale_id=section.locale_id, **kwargs)
        page.live = live
        if quick:
            page.first_published_at = kwargs["published_at"]
        for author in authors:
            page.article_authors.add(ArticleAuthor(author=author))
        if tags:
            page.tags.add(*tags)
        folder = get_month_folder(section=section, when=kwargs["published_at"])
        folder.add_child(instance=page)
        if quick:
            return page
        if live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page


def feature(home, *articles):
    """Put stories in a home page's “featured” block and publish it, as an editor does."""
    from newsdesk.editions.models import FeaturedItem

    home.featured_items = [FeaturedItem(article=article) for article in articles]
    home.save_revision().publish()


def article_form(page=None, *, action=None, author=None, **fields):
    """The article editor's POST data, as the admin's form sends it: the story's fields (or
    a new story's), one byline, a one-paragraph body, and the button pressed."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    values = {
        "title": page.title if page else "Koursk : l'Ukraine envisage un retrait",
        "slug": page.slug if page else "koursk-retrait",
        "lede": page.lede if page else "Kiev envisage de retirer ses forces de Koursk.",
    }
    if "lead_image" not in fields:
        values["lead_image"] = page.lead_image_id if page else ImageFactory().pk
    values.update(fields)
    data = nested_form_data(
        {
            **{name: value for name, value in values.items() if name != "body"},
            "body": streamfield([("paragraph", rich_text(values.get("body", "<p>Texte.</p>")))]),
            "article_authors": inline_formset([{"author": (author or AuthorFactory()).pk}]),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = "1"
    return data


def person(name, *groups, desks=()):
    """A newsroom member: role groups by name ("Editors"), and desk groups given as
    ``(page, role)`` pairs, e.g. ``desks=[(international, "editor")]``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from newsdesk.workflow.models import DeskGroup

    user = get_user_model().objects.create_user(name, password=f"{name}-password")
    user.groups.add(*[Group.objects.get(name=group) for group in groups])
    user.groups.add(*[DeskGroup.objects.get(page=page, role=role).group for page, role in desks])
    return user
