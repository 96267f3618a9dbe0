"""Cue lists of the language packs load as words (YAML would turn on/no into booleans)."""

from __future__ import annotations

import pytest

from lagebild.cues import load_cues
from lagebild.lang import available_languages


@pytest.mark.parametrize("lang", available_languages())
def test_cues_load(lang: str) -> None:
    cues = load_cues(lang)
    assert cues.negation and cues.prepositions and cues.reporting_lemmas


def test_yaml_keywords_stay_words() -> None:
    en = load_cues("en")
    assert "on" in en.prepositions and "no" in en.negation


def test_non_text_cue_is_a_data_error(tmp_path, monkeypatch) -> None:
    from lagebild import lang as lang_mod
    from lagebild.errors import DataError

    pack = tmp_path / "xx"
    pack.mkdir()
    (pack / "__init__.py").write_text("")
    (pack / "cues.yaml").write_text("negation: [nicht, no]\n")
    monkeypatch.setattr(lang_mod, "LANG_DIR", tmp_path)
    lang_mod.available_languages.cache_clear()
    lang_mod.get_pack.cache_clear()
    try:
        with pytest.raises(DataError, match="quote"):
            load_cues.__wrapped__("xx")
    finally:
        lang_mod.available_languages.cache_clear()
        lang_mod.get_pack.cache_clear()
