"""Site-wide distribution paths: sitemaps and robots.txt."""

urlpatterns = []
