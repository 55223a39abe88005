"""Recognising the same story twice: a canonical form of its URL, and a SimHash of its text
that changes by only a few bits when the text changes by a few words."""

import hashlib
import re

from anyascii import anyascii
from courlan import normalize_url

BITS = 64
SHINGLE = 3
# Two texts whose fingerprints differ in at most this many bits are the same story. Items
# are compared when they share one of four 16-bit bands: certain up to 3 bits apart, most
# often (about nine times in ten at 4 bits, three in four at 5) beyond.
NEAR = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def canonical_url(url: str) -> str:
    """Lower-case host, no fragment, no tracking parameters (utm_*, fbclid…), sorted query."""
    if not url:
        return ""
    try:
        return normalize_url(url.strip(), strict=True)
    except ValueError:
        return url.strip()


def simhash(text: str) -> int | None:
    """A 64-bit SimHash over three-word shingles of ``text`` (case and accents ignored), or
    None for a text too short to compare."""
    words = _WORD.findall(anyascii(text).lower())
    if len(words) < SHINGLE * 4:
        return None
    weights = [0] * BITS
    for i in range(len(words) - SHINGLE + 1):
        shingle = " ".join(words[i : i + SHINGLE]).encode()
        value = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big")
        for bit in range(BITS):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(BITS) if weights[bit] > 0)


def to_signed(value: int) -> int:
    """The fingerprint as a database BIGINT (signed 64-bit)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def bands(value: int) -> tuple[int, int, int, int]:
    """Four 16-bit slices: fingerprints within 3 bits share at least one."""
    value &= (1 << 64) - 1
    return tuple((value >> shift) & 0xFFFF for shift in (0, 16, 32, 48))


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
