"""Breadth of the English trigger lexicon (issue 4): common news words for the CAMEO codes,
from tables. Each FOUND case is (text, (type, source key, target key)) and must be coded as a
factual event; each SILENT case must yield no factual event at all. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest
import simplemma

from lagebild.pipeline import ExtractOptions, Pipeline
from lagebild.schema import Article, Event
from lagebild.triggers import load_triggers

PIPE = Pipeline(ExtractOptions())
D = date(2023, 3, 18)


def _factual(text: str) -> list[Event]:
    events = PIPE.process(Article(id="t", text=text, date=D, language="en")).events
    return [e for e in events if not e.negated and not e.hypothetical]


def _key(actor: object) -> str | None:
    return (actor.country or actor.org) if actor else None  # type: ignore[attr-defined]


FOUND = [
    # CONSULT: travel verbs
    ("The Kenyan president flew to Beijing on Monday.", ("CONSULT", "KEN", "CHN")),
    ("The Indian prime minister is travelling to Moscow.", ("CONSULT", "IND", "RUS")),
    # SUPPORT: apology, closer ties
    (
        "Japan asked South Korea for forgiveness for its wartime abuses.",
        ("SUPPORT", "JPN", "KOR"),
    ),
    # AGREE
    ("France and Germany pledged to deepen defence cooperation.", ("AGREE", "FRA", "DEU")),
    # COOPERATE: judicial hand-overs and trade
    (
        "The Colombian government handed over three fugitives to Spain.",
        ("COOPERATE", "COL", "ESP"),
    ),
    ("India bought crude oil from Russia.", ("COOPERATE", "IND", "RUS")),
    ("Qatar began pumping gas to Kuwait.", ("COOPERATE", "QAT", "KWT")),
    # AID: debt relief, medical deliveries
    ("Saudi Arabia paid off Somalia's debt to the IMF.", ("AID", "SAU", "SOM")),
    ("Brazil cancelled Mozambique's debt.", ("AID", "BRA", "MOZ")),
    ("Turkey sent vaccines to Syria.", ("AID", "TUR", "SYR")),
    # CONCEDE
    ("The Serbian government unbanned the opposition party.", ("CONCEDE", "SRB", "SRB")),
    # RETREAT
    ("Ukraine returned 90 prisoners to Russia.", ("RETREAT", "UKR", "RUS")),
    # REQUEST
    (
        "Moscow demanded the extradition of the dissident from Germany.",
        ("REQUEST", "RUS", "DEU"),
    ),
    # ACCUSE: investigation, disapproval
    (
        "Ukraine ordered an inquiry into the deaths of civilians in Bucha.",
        ("ACCUSE", "UKR", "UKR"),
    ),
    ("China expressed outrage at Japan over the visit.", ("ACCUSE", "CHN", "JPN")),
    # REJECT: leaving a treaty, cancelling talks
    ("The United States tore up the nuclear deal with Iran.", ("REJECT", "USA", "IRN")),
    ("Iran quit the nuclear deal with the United States.", ("REJECT", "IRN", "USA")),
    ("Russia cancelled talks with Ukraine.", ("REJECT", "RUS", "UKR")),
    # PROTEST: labour action, crowds
    (
        "Thousands of Nigerian nurses walked off the job in Lagos.",
        ("PROTEST", "NGA", "NGA"),
    ),
    ("Dutch farmers poured into the streets of The Hague.", ("PROTEST", "NLD", "NLD")),
    # MOBILIZE: police alert
    ("Poland tightened security along its border with Belarus.", ("MOBILIZE", "POL", "BLR")),
    # SANCTION: aid cuts, visa bans, expelling peacekeepers
    ("Germany froze funding for UNRWA.", ("SANCTION", "DEU", "UNRWA")),
    ("Poland imposed visa restrictions on Belarusian officials.", ("SANCTION", "POL", "BLR")),
    ("The Mali junta expelled UN peacekeepers.", ("SANCTION", "MLI", "UN")),
    # COERCE: seizing ships, custody
    ("Iran seized a Greek tanker in the Gulf.", ("COERCE", "IRN", "GRC")),
    ("The Thai court remanded the opposition leader in custody.", ("COERCE", "THA", "THA")),
    # ASSAULT: incursions, exchanges of fire
    ("Russian jets violated Finnish airspace on Tuesday.", ("ASSAULT", "RUS", "FIN")),
    (
        "Chinese coast guard ships violated Philippine territorial waters.",
        ("ASSAULT", "CHN", "PHL"),
    ),
    (
        "Indian and Pakistani troops exchanged fire along the Line of Control.",
        ("ASSAULT", "IND", "PAK"),
    ),
]

SILENT = [
    # trade and travel words without political actors on both sides
    "Germany's exports rose by two percent in March.",
    "Investors bought shares in Tokyo on Monday.",
    "The striker flew to Madrid for a medical.",
    "The company will sell its stake in the Brazilian unit.",
    "The match was cancelled because of rain.",
    "Norway's prime minister flew home from the summit.",
    # aims and figures are no acts
    "Ceasefire talks aim to end the fighting in Gaza.",
    "The ministry released new figures on trade with China.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_new_entries_are_coded(text: str, expected: tuple[str, str, str]) -> None:
    got = {(e.type, _key(e.source), _key(e.target)) for e in _factual(text)}
    assert expected in got, got


@pytest.mark.parametrize("text", SILENT)
def test_everyday_uses_stay_silent(text: str) -> None:
    got = [(e.type, e.cameo, _key(e.source), _key(e.target)) for e in _factual(text)]
    assert not got, got


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("cancelled", "cancell"), ("travelling", "travell"), ("flew", "fly"), ("bought", "buy")],
)
def test_forms_reach_the_lexicon(form: str, lemma: str) -> None:
    """simplemma's lemma (British "cancelled" gives "cancell") is a listed anchor."""
    assert simplemma.lemmatize(form, lang="en") == lemma
    lex = load_triggers("en")
    assert lemma in lex.single or lemma in lex.multi
