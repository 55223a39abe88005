"""The push endpoint of ninjs wires: ``POST /api/ingest/ninjs/`` with
``Authorization: Bearer <token>`` (the push token of an active ninjs source) and one ninjs
item as ``application/json``.

It answers JSON: 201 with the inbox item's ``id``, ``key``, ``outcome`` (``created``) and
``status`` (``new``, or ``duplicate`` when the inbox already tells the story); 200 with the
same when the item was already there (``outcome`` ``updated`` or ``skipped``); 400 with an
``error`` naming what is wrong with the item; 401 for a missing, unknown or inactive token;
405 for anything but POST; 413 over the size limit; 415 for a body that is not JSON.
"""

import logging
import secrets

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Source
from .sources import ninjs
from .sources.base import IngestError

logger = logging.getLogger(__name__)


def source_for_token(token: str) -> Source | None:
    """The active ninjs source whose push token is ``token``, compared in constant time."""
    if not token:
        return None
    given, found = token.encode(), None
    sources = Source.objects.filter(kind=Source.Kind.NINJS, active=True).exclude(push_token="")
    for source in sources:
        if secrets.compare_digest(source.push_token.encode(), given):
            found = source
    return found


@csrf_exempt  # no cookie: the agency authenticates with its bearer token
@require_POST
def ninjs_push(request):
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    source = source_for_token(token.strip()) if scheme.lower() == "bearer" else None
    if source is None:
        challenge = 'Bearer realm="newsdesk"' + (', error="invalid_token"' if token else "")
        return _error(401, "a valid bearer token is required", {"WWW-Authenticate": challenge})
    content_type = request.content_type.lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        return _error(415, f"send one ninjs item as application/json, not {content_type!r}")
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    limit = f"the limit is {ninjs.MAX_BYTES // (1024 * 1024)} MB"
    if length > ninjs.MAX_BYTES:
        return _error(413, limit)
    content = request.read(ninjs.MAX_BYTES + 1)
    if len(content) > ninjs.MAX_BYTES:
        return _error(413, limit)
    try:
        item, outcome = ninjs.receive(content, via=source)
    except IngestError as error:
        logger.info("ninjs push from %s refused: %s", source, error)
        return _error(400, str(error))
    return JsonResponse(
        {"id": item.pk, "key": item.key, "outcome": outcome, "status": item.status},
        status=201 if outcome == "created" else 200,
    )


def _error(status: int, message: str, headers=None) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, headers=headers)
