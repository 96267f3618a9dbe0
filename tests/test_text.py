"""Sentence splitting, tokens and lemmas."""

from __future__ import annotations

import pytest

from lagebild.text import lemmatize, split_sentences, tokenize


@pytest.mark.parametrize(
    "lang,text,n",
    [
        ("de", "Russland griff an. Die Ukraine wehrte sich.", 2),
        ("de", "Am 3. März trafen sich die Minister. Sie sprachen lange.", 2),
        ("de", "Dr. Müller sagte etwas. Dann ging er.", 2),
        ("de", "Überschrift ohne Punkt\n\nErster Satz. Zweiter Satz!", 3),
        ("en", "The U.S. Secretary of State met Lavrov. They talked.", 2),
        ("en", "Mr. Biden spoke on Wednesday. Nothing else happened?", 2),
        ("en", 'He said: "We will respond." Then he left.', 2),
        # a regnal number before a lower-case word ends no sentence
        ("de", "Papst Leo XIV. traf Selenskyj. Danach reiste er ab.", 2),
        ("de", "König Karl III. besuchte Kenia. Der Besuch dauerte drei Tage.", 2),
        ("de", "Das Kapitel heißt Teil IV. Danach folgt Teil V.", 2),
    ],
)
def test_sentence_count(lang: str, text: str, n: int) -> None:
    assert len(split_sentences(text, lang)) == n


def test_offsets_point_into_text() -> None:
    text = "Kopfzeile\n\nRussland griff die Ukraine an. Die USA verhängten Sanktionen."
    for sent in split_sentences(text, "de"):
        assert text[sent.start : sent.end] == sent.text
        for tok in sent.tokens:
            assert text[tok.start : tok.end] == tok.text


def test_tokens_and_lemmas() -> None:
    toks = tokenize("US-Beamte warnten, die Truppen griffen an.", 0, "de")
    assert [t.text for t in toks][:3] == ["US-Beamte", "warnten", ","]
    assert {t.text: t.lemma for t in toks}["griffen"] == "greifen"
    en = tokenize("Russia's troops didn't attack the U.S.", 0, "en")
    assert [t.text for t in en] == ["Russia", "'s", "troops", "did", "n't", "attack", "the", "U.S."]


@pytest.mark.parametrize(
    "form,lemma",
    [
        ("entsandten", "entsenden"),
        ("schwor", "schwören"),
        ("einbestellt", "einbestellen"),
        ("brach", "brechen"),
        ("belegte", "belegen"),
        ("abgefeuert", "abfeuern"),
    ],
)
def test_german_lemma_fixes(form: str, lemma: str) -> None:
    """Forms simplemma gets wrong reach their lemma through lang/de/lemmas.tsv."""
    assert lemmatize(form, "de") == lemma
