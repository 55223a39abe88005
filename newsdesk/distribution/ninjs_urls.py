"""``/api/ninjs/<id>/``: a published article as an IPTC ninjs document.

``?version=2.1`` (the default) or ``?version=3.0``. The answer is ``application/json``
(IANA registers no ninjs media type), with a ``Link: <schema>; rel="describedby"`` header
naming the IPTC schema it is valid against. An id that is not a live, public article, an
unknown version and any other path below ``/api/ninjs/`` are a 404 with a JSON body
``{"message": …}``.
"""

from django.http import JsonResponse
from django.urls import path, re_path
from django.views.decorators.http import require_safe

from newsdesk.articles.models import ArticlePage

from .api import MAX_ID, article_preloads, not_found_as_is
from .ninjs import MEDIA_TYPE, SCHEMA_URI, SUPPORTED_VERSIONS, article_to_ninjs


def error(request, status: int, message: str) -> JsonResponse:
    return not_found_as_is(request, JsonResponse({"message": message}, status=status))


@require_safe
def article(request, pk: int):
    version = request.GET.get("version", SUPPORTED_VERSIONS[0])
    if version not in SUPPORTED_VERSIONS:
        return error(
            request,
            404,
            f"version: no ninjs version {version[:20]!r} "
            f"(versions: {', '.join(SUPPORTED_VERSIONS)})",
        )
    page = pk <= MAX_ID and (
        ArticlePage.objects.live()
        .public()
        .filter(pk=pk)
        .select_related("locale", "lead_image", "source")
        .prefetch_related(*article_preloads())
        .first()
    )
    if not page:
        return error(request, 404, f"no published article with id {pk}")
    document = article_to_ninjs(page, version=version, request=request)
    response = JsonResponse(
        document, content_type=MEDIA_TYPE, json_dumps_params={"ensure_ascii": False}
    )
    response["Link"] = f'<{SCHEMA_URI.format(version=version)}>; rel="describedby"'
    return response


def not_found(request, *args, **kwargs):
    return error(
        request, 404, "not found: an article is at /api/ninjs/<id>/ (?version=3.0 for 3.0)"
    )


urlpatterns = [
    path("<int:pk>/", article, name="ninjs_article"),
    re_path(r"", not_found),
]
