"""Domain errors: user-facing problems carrying a Vietnamese message."""

from __future__ import annotations

from ..errors import UserError


class DomainError(UserError):
    """A problem the user can fix (bad value, bad file); ``str(err)`` is the Vietnamese message."""


class NotFoundError(DomainError):
    pass


class ValidationError(DomainError):
    pass
