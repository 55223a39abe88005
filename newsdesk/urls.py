from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsdesk.articles import views as article_views
from newsdesk.authors import views as author_views
from newsdesk.core import views as core_views
from newsdesk.distribution.api import api_router
from newsdesk.ops import metrics as ops_metrics
from newsdesk.ops import views as ops_views
from newsdesk.search import views as search_views
from newsdesk.workflow import views as workflow_views

urlpatterns = [
    path("", core_views.default_edition, name="default_edition"),
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", ops_views.readyz, name="readyz"),
    path("metrics", ops_metrics.metrics_view, name="metrics"),
    path("preview/<str:token>/", workflow_views.preview_link, name="preview_link"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("api/ingest/", include("newsdesk.ingest.urls")),
    path("api/ninjs/", include("newsdesk.distribution.ninjs_urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("newsdesk.distribution.urls")),
]

if settings.NEWSDESK_SERVE_MEDIA:
    # On a laptop and in tests Django serves uploads itself; in production nginx does.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("authors/<slug:slug>/", author_views.author_page, name="author"),
    path("tags/<slug:slug>/", article_views.tag_page, name="tag"),
    path("search/", search_views.search, name="search"),
    path("", include("newsdesk.distribution.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "newsdesk.core.views.page_not_found"
handler500 = "newsdesk.core.views.server_error"
