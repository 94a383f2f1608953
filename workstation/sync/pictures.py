"""What a sync round asks of the pictures its drafts show (the use cases provide it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from workstation.domain.article import Article


class DraftPictures(Protocol):
    """Pictures travel with drafts: a pushed draft's pictures go to the service first, a pulled
    draft's pictures this library lacks come from it. Each call returns one line per picture
    that could not travel (the draft syncs all the same); raising `Offline` stops the round."""

    def send(self, article: Article) -> list[str]:
        """Make sure the service has every picture `article` shows (hero and body)."""
        ...

    def fetch(self, sha256s: Iterable[str]) -> list[str]:
        """Bring into the local library those of `sha256s` it does not have."""
        ...
