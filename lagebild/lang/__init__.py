"""Language packs: one folder of data files per language, loaded lazily by code.

Adding a language means adding a folder `lagebild/lang/<code>/` with the same files,
not editing the coder. Each stage parses the files it needs through its own cached loader.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from lagebild.errors import DataError

LANG_DIR = Path(__file__).parent


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the language packs shipped with lagebild."""
    return tuple(
        sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    )


class LanguagePack:
    """Access to the data files of one language pack."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.dir = LANG_DIR / code

    def path(self, name: str) -> Path:
        """Path of a data file in this pack."""
        return self.dir / name

    def has(self, name: str) -> bool:
        """Whether the pack ships this data file."""
        return (self.dir / name).exists()

    def lines(self, name: str) -> list[tuple[int, str]]:
        """Non-empty, non-comment lines of a text file, with their line numbers."""
        out = []
        for no, raw in enumerate(self.path(name).read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
            if line.strip():
                out.append((no, line))
        return out

    def tsv(self, name: str, columns: int) -> list[tuple[int, list[str]]]:
        """Rows of a tab-separated file (comments with '#'), padded to `columns` fields."""
        rows = []
        for no, line in self.lines(name):
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) > columns:
                raise DataError(
                    f"expected at most {columns} tab-separated fields", str(self.path(name)), no
                )
            rows.append((no, cells + [""] * (columns - len(cells))))
        return rows

    def yaml(self, name: str) -> object:
        """Parsed YAML file of this pack."""
        path = self.path(name)
        try:
            return yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DataError(
                f"invalid YAML: {exc}", str(path), mark.line + 1 if mark else None
            ) from exc


@cache
def get_pack(code: str) -> LanguagePack:
    """The language pack for `code`; raises UnsupportedLanguageError if there is none."""
    if code not in available_languages():
        from lagebild.errors import UnsupportedLanguageError

        raise UnsupportedLanguageError(code)
    return LanguagePack(code)
