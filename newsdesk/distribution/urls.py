"""Site-wide distribution paths: sitemaps and robots.txt."""

from django.urls import path

from . import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]
