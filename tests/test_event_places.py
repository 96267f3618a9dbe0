"""Where events happened: the `location` of each event, from tables of our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.pipeline import ExtractOptions, Pipeline
from lagebild.schema import Article

PIPE = Pipeline(ExtractOptions())

#: (lang, text, event type, expected country of its location, expected place name or None)
CASES = [
    # a place after a locative preposition
    ("de", "Der Außenminister traf seinen chinesischen Kollegen am Dienstag in Wien.",
     "CONSULT", "AUT", "Vienna"),
    ("en", "Blinken met Wang Yi in Jakarta on Thursday.", "CONSULT", "IDN", "Jakarta"),
    # the surest preposition wins: "in" over "from" and "between"
    ("en", "Envoys from Washington and Moscow held talks in Riyadh.", "CONSULT", "SAU",
     "Riyadh"),
    ("en", "Talks between Armenia and Azerbaijan in Almaty ended without a deal.", "CONSULT",
     "KAZ", "Almaty"),
    # the place of a place: "am Flughafen von", "in a suburb of", genitive
    ("de", "Eine israelische Drohne tötete am Flughafen von Damaskus zwei iranische Offiziere.",
     "ASSAULT", "SYR", "Damascus"),
    ("en", "Israeli jets bombed a building in a suburb of Beirut.", "ASSAULT", "LBN", "Beirut"),
    # a city or capital that is the object of an attack
    ("de", "Russland griff in der Nacht Odessa mit Drohnen an.", "ASSAULT", "UKR", "Odesa"),
    ("en", "Russian forces struck Kyiv overnight.", "ASSAULT", "UKR", "Kyiv"),
    ("en", "Militants in Gaza fired rockets at southern Israel.", "ASSAULT", "ISR", None),
    # an attack with no named place: its target's country
    ("de", "Die USA bombardierten einen syrischen Militärflugplatz.", "ASSAULT", "SYR", None),
    # visits: the visited place, also as "visit to X"; a host at home
    ("de", "Bundeskanzler Scholz besuchte am Montag Peking.", "CONSULT", "CHN", None),
    ("en", "Japan and India signed a trade deal during Modi's visit to Tokyo.", "CONSULT", "JPN",
     "Tokyo"),
    # movement to a place
    ("de", "Macron reiste nach Kairo, wo er mit al-Sisi sprach.", "CONSULT", "EGY", "Cairo"),
    # an organisation's seat named as a metonym is still a place
    ("de", "Moldau reichte in Brüssel den Antrag auf Mitgliedschaft in der EU ein.", "REQUEST",
     "BEL", "Brussels"),
    # a demonym after a locative preposition: the country of an unnamed or unknown town
    ("de", "In mehreren polnischen Städten demonstrierten Tausende gegen die Regierung.",
     "PROTEST", "POL", None),
    # "Police in Paris": the place stays when the role noun takes its country
    ("en", "Police in Lisbon arrested two activists.", "COERCE", "PRT", "Lisbon"),
    # a military withdrawal happens where it withdraws from
    ("de", "Die letzten britischen Soldaten verließen den Irak.", "RETREAT", "IRQ", None),
    # the nearest sure place to the trigger: "in Rom unterzeichnet", not the camps in Albania
    ("de", "Ein Abkommen über Lager in Tunesien wurde von Italien und Tunesien in Rom "
     "unterzeichnet.", "AGREE", "ITA", "Rome"),
    # "off the coast of"
    ("en", "Houthi fighters attacked a cargo ship off the coast of Yemen.", "ASSAULT", "YEM",
     None),
]  # fmt: skip


def _located(lang: str, text: str, type_: str) -> dict | None:  # type: ignore[type-arg]
    coded = PIPE.process(Article(id="t", text=text, date=date(2024, 6, 14), language=lang))
    events = [e for e in coded.events if e.type == type_]
    assert events, f"no {type_} event in {text!r}: {[e.type for e in coded.events]}"
    return events[0].location


@pytest.mark.parametrize(("lang", "text", "type_", "country", "name"), CASES)
def test_event_location(lang: str, text: str, type_: str, country: str, name: str | None) -> None:
    loc = _located(lang, text, type_)
    assert loc is not None, f"no location for {type_} in {text!r}"
    assert loc["country"] == country
    if name is not None:
        assert loc["name"] == name
    assert isinstance(loc["lat"], float) and isinstance(loc["lon"], float)


def test_there_refers_to_the_place_of_the_sentence_before() -> None:
    text = "Selenskyj reiste am Montag nach Warschau. Dort unterzeichnete er mit Tusk ein Abkommen."
    assert _located("de", text, "AGREE") == _located("de", text, "CONSULT")
    assert (_located("de", text, "AGREE") or {}).get("country") == "POL"


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        # a phone call names no place
        ("de", "Biden telefonierte am Dienstag mit Kishida.", "CONSULT"),
        # a country as an actor is no place of a sanction
        ("en", "The European Union imposed new sanctions on Belarus.", "SANCTION"),
    ],
)
def test_no_location(lang: str, text: str, type_: str) -> None:
    assert _located(lang, text, type_) is None
