"""Language identification: German and English recognised, other languages not forced into them."""

from __future__ import annotations

import pytest

from lagebild.lang import available_languages
from lagebild.langid import SAMPLE_CHARS, detect_language, language_sample

GERMAN = ("Der russische Außenminister hat am Freitag erklärt, dass sein Land keinen Angriff "
          "auf die Ukraine plane. Die Gespräche mit den Vereinigten Staaten sollen weitergehen.")
ENGLISH = ("The Russian foreign minister said on Friday that his country was not planning an "
           "attack on Ukraine. Talks with the United States are set to continue next week.")
FRENCH = ("Le ministre russe des Affaires étrangères a déclaré vendredi que son pays ne "
          "prévoyait pas d'attaquer l'Ukraine. Les discussions avec les États-Unis continueront.")
SPANISH = ("El ministro ruso de Asuntos Exteriores declaró el viernes que su país no planea "
           "atacar a Ucrania. Las conversaciones con Estados Unidos continuarán.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [(GERMAN, "de"), (ENGLISH, "en"), (FRENCH, "fr"), (SPANISH, "es")],
)
def test_detects_the_language(text: str, expected: str) -> None:
    code, confidence = detect_language(text)
    assert code == expected
    assert 0.5 < confidence <= 1.0


def test_unsupported_language_is_recognised_as_such() -> None:
    code, _ = detect_language(FRENCH)
    assert code not in available_languages()


def test_text_without_letters_is_undetermined() -> None:
    assert detect_language("") == ("und", 0.0)
    assert detect_language("12.03.2022 -- 4:1 (3:0)") == ("und", 0.0)


def test_only_the_start_of_a_long_text_is_classified() -> None:
    # a German start followed by megabytes of English: the sample decides
    text = GERMAN * 20 + ENGLISH * 50000
    assert detect_language(text)[0] == "de"


def test_language_sample_cuts_at_a_word_boundary() -> None:
    text = "wort " * 1000
    sample = language_sample(text)
    assert len(sample) <= SAMPLE_CHARS
    assert sample.endswith("wort")
    assert language_sample("kurz") == "kurz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The ministers met in Geneva.", "en"), ("Kiew meldet Angriffe", "de"),
     ("Merkel trifft Macron in Paris.", "de")],
)
def test_uncertain_short_text_prefers_a_language_with_a_pack(text: str, expected: str) -> None:
    assert detect_language(text)[0] == expected


def test_preference_does_not_override_a_confident_guess() -> None:
    assert detect_language("Le président est parti.")[0] == "fr"
    assert detect_language(FRENCH, prefer=["de", "en"])[0] == "fr"


def test_preference_can_be_given() -> None:
    # without a preference the uncertain guess stays as the model ranks it
    assert detect_language("The ministers met in Geneva.", prefer=[])[0] != "en"
