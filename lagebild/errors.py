"""Typed errors with messages a user can act on: what was wrong, where, what to do."""

from __future__ import annotations


class LagebildError(Exception):
    """Base class of every error lagebild raises on purpose."""


class InputError(LagebildError):
    """An input file or record cannot be read; `where` names the file and line."""

    def __init__(self, message: str, where: str | None = None, hint: str | None = None) -> None:
        self.where = where
        self.hint = hint
        text = f"{where}: {message}" if where else message
        if hint:
            text += f" ({hint})"
        super().__init__(text)


class UnsupportedLanguageError(LagebildError):
    """The article is in a language lagebild has no pack for."""

    def __init__(self, language: str, where: str | None = None) -> None:
        from lagebild.lang import available_languages

        self.language = language
        self.where = where
        langs = ", ".join(available_languages())
        prefix = f"{where}: " if where else ""
        super().__init__(
            f"{prefix}language '{language}' is not supported (available: {langs}); "
            "pass --lang to force one"
        )


class DataError(LagebildError):
    """A lexicon, knowledge or user dictionary file is invalid; names file and line."""

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
