"""Photos brought in by imports: real images only, no decompression bombs, each fetched once."""

import io

import pytest
from PIL import Image

from newsdesk.images.models import NewsImage
from newsdesk.ingest import services
from newsdesk.ingest.services import check_image, import_image
from newsdesk.ingest.sources.base import IngestError
from newsdesk.lib.fetch import Response

pytestmark = pytest.mark.django_db


def encoded(image, fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def serve(monkeypatch):
    """The network boundary: each URL answers with the bytes given for it."""
    answers, calls = {}, []

    def fake_fetch(url, **kwargs):
        calls.append(url)
        return Response(url, 200, {}, answers[url])

    monkeypatch.setattr(services, "fetch", fake_fetch)
    return answers, calls


def test_a_photo_is_stored_with_its_caption_credit_and_size_once(serve):
    answers, calls = serve
    answers["https://img.example/a.jpg"] = encoded(Image.new("RGB", (64, 48)), "JPEG")
    image = import_image(
        url="https://img.example/a.jpg", caption="Le port", credit="AFP", alt="Port"
    )
    assert (image.width, image.height, image.caption, image.credit) == (64, 48, "Le port", "AFP")
    assert image.file.name.endswith(".jpg")
    assert import_image(url="https://img.example/a.jpg") == image
    assert calls == ["https://img.example/a.jpg"]


def test_a_decompression_bomb_is_refused_before_it_is_decoded(serve, settings):
    answers, _calls = serve
    settings.NEWSDESK_IMAGE_MAX_PIXELS = 10_000_000
    bomb = encoded(Image.new("1", (20_000, 20_000)))  # 400 megapixels in a few dozen KB
    assert len(bomb) < 200_000
    answers["https://img.example/bomb.png"] = bomb
    with pytest.raises(IngestError) as refused:
        import_image(url="https://img.example/bomb.png")
    assert "bomb.png" in str(refused.value)
    assert "limit" in str(refused.value) or "bomb" in str(refused.value)
    assert not NewsImage.objects.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html>not an image</html>", "not a readable image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a readable image"),  # truncated
        (encoded(Image.new("RGB", (8, 8)), "BMP"), "BMP images are not accepted"),
    ],
)
def test_what_is_not_a_usable_image_is_refused_with_the_reason(content, reason):
    with pytest.raises(IngestError) as refused:
        check_image(content, label="https://img.example/x")
    assert reason in str(refused.value)
