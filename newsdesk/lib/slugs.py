"""Slugs that do not clash with their siblings'."""


def free_slug(base: str, taken) -> str:
    """``base``, or ``base-2``, ``base-3``… the first that is not in ``taken``."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
