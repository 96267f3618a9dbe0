"""Language identification with py3langid over all of its languages.

The identifier is not restricted to the languages lagebild has packs for: an article in
French must be recognised as French so that it can be reported as unsupported, not coded
as bad German. Short texts give uncertain guesses ("The ministers met in Geneva." scores
Dutch first); when the best guess is uncertain and a language with a pack is among the top
few candidates, that language wins. The model is loaded once per process by a cached loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from lagebild.lang import available_languages

#: classify at most this many characters: enough for a reliable guess, and fast on huge texts
SAMPLE_CHARS = 2000
#: code returned when the text has no letters to judge by
UNDETERMINED = "und"
#: a best guess at least this probable is taken as it is
CONFIDENT = 0.5
#: below CONFIDENT, a preferred language among this many top candidates wins
PREFERRED_RANK = 5


@cache
def load_identifier() -> Any:
    """The py3langid identifier with normalised probabilities (loaded once per process)."""
    from py3langid import langid

    cls = langid.LanguageIdentifier
    if hasattr(cls, "from_model_file"):  # py3langid >= 0.3
        return cls.from_model_file(langid.MODEL_FILE, norm_probs=True)
    return cls.from_pickled_model(langid.MODEL_FILE, norm_probs=True)  # older releases


def language_sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The first `limit` characters of `text`, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit]


def detect_language(text: str, prefer: Sequence[str] | None = None) -> tuple[str, float]:
    """ISO 639-1 code of the text's language and a 0..1 confidence ('und', 0.0 without letters).

    `prefer` (default: the languages lagebild has packs for) decides uncertain guesses.
    """
    sample = language_sample(text)
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED, 0.0
    ranking = load_identifier().rank(sample)
    best_code, best_probability = ranking[0]
    if best_probability < CONFIDENT:
        preferred = set(available_languages() if prefer is None else prefer)
        for code, probability in ranking[:PREFERRED_RANK]:
            if code in preferred:
                return str(code), float(probability)
    return str(best_code), float(best_probability)
