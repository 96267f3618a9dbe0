"""The error the event store raises: what went wrong with which database file, and what to do."""

from __future__ import annotations

from lagebild.errors import LagebildError


class StoreError(LagebildError):
    """The event store cannot be opened, read or written; names the file and the fix."""

    def __init__(self, message: str, path: str | None = None, hint: str | None = None) -> None:
        self.path = path
        self.hint = hint
        text = f"{path}: {message}" if path else message
        if hint:
            text += f" ({hint})"
        super().__init__(text)
