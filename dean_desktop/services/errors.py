"""Domain errors: user-facing problems carrying a Vietnamese message."""

from __future__ import annotations


class DomainError(Exception):
    """A problem the user can fix (bad value, bad file); ``str(err)`` is the Vietnamese message."""


class NotFoundError(DomainError):
    pass


class ValidationError(DomainError):
    pass
