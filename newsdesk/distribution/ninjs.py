"""Articles as IPTC ninjs documents (2.1, 3.0), for the read API and partner webhooks."""

SUPPORTED_VERSIONS = ("2.1", "3.0")


def article_to_ninjs(page, *, version: str = "2.1", request=None) -> dict:
    """The ninjs document of a published ``ArticlePage`` in ``version``."""
    raise NotImplementedError
