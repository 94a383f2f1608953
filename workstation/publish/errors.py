"""What can go wrong sending to a target, sorted by what the outbox does about it."""

from __future__ import annotations


class PublishError(Exception):
    """Base of every publishing failure; the message is for people and never holds a secret."""


class TransientError(PublishError):
    """Worth retrying: network trouble, 408, 429, 5xx, or the same request still in flight."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SignInRequired(PublishError):
    """401: the token is missing, wrong or revoked. Sign in again, then retry the job."""


class ConflictError(PublishError):
    """412: someone else changed the article on the target; merge, then retry."""

    def __init__(self, message: str, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class RejectedError(PublishError):
    """Any other 4xx: the target will never accept this request as it is."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class NotConfigured(PublishError):
    """No such account, or no token for it in the keyring."""
