"""The project's own typed errors: everything a user can cause raises one of these."""

from __future__ import annotations


class ClassSpecError(Exception):
    """Base class: an input classspec could not turn into records."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputError(ClassSpecError):
    """The bytes could not be read as a document (empty, binary, undecodable, too large...)."""


class NotASpecError(ClassSpecError):
    """The document was read but has no class-specification structure."""


class UsageError(ClassSpecError):
    """A caller asked for something that does not exist (unknown parser id, bad option)."""
