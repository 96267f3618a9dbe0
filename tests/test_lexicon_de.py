"""The German trigger lexicon's word families, one sentence each.

Each sentence uses a word added to lagebild/lang/de/triggers.tsv for a CAMEO code that
lacked its common news wording (travel verbs for visits, buying and piping goods, paying
off debt, apologies, strikes, airspace violations ...). The silent sentences use the same
words outside politics: they must not become events.
"""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.pipeline import ExtractOptions, Pipeline
from lagebild.schema import Article, Event

PIPE = Pipeline(ExtractOptions())
D = date(2023, 3, 18)
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def _code(text: str) -> list[Event]:
    return PIPE.process(Article(id="t", text=text, date=D, language="de")).events


def _key(actor: object) -> str | None:
    return (actor.country or actor.org) if actor else None  # type: ignore[attr-defined]


def _factual(text: str) -> set[tuple]:
    return {
        (e.type, _key(e.source), _key(e.target))
        for e in _code(text)
        if not e.negated and not e.hypothetical
    }


#: (sentence, (PLOVER type, source, target))
CODED = [
    # CONSULT: travel verbs, the table one sits down at
    ("Der kanadische Premierminister flog am Montag nach Washington.", ("CONSULT", "CAN", "USA")),
    ("Bundeskanzler Scholz landete am Morgen in Peking.", ("CONSULT", "DEU", "CHN")),
    ("Präsident Macron weilte zu Gesprächen in Algier.", ("CONSULT", "FRA", "DZA")),
    ("Serbien und Kosovo kehrten an den Verhandlungstisch zurück.", ("CONSULT", "SRB", "XKX")),
    # COOPERATE: handing suspects over, buying and piping goods
    ("Mexiko übergab 29 Kartellbosse an die Vereinigten Staaten.", ("COOPERATE", "MEX", "USA")),
    (
        "China kaufte im vergangenen Jahr große Mengen Sojabohnen aus Brasilien.",
        ("COOPERATE", "CHN", "BRA"),
    ),
    ("Aserbaidschan pumpt seit Januar Gas nach Syrien.", ("COOPERATE", "AZE", "SYR")),
    # AID: paying off another state's debt, vaccines
    ("Katar beglich die Schulden Syriens bei der Weltbank.", ("AID", "QAT", "SYR")),
    ("Japan schickte Impfstoff nach Taiwan.", ("AID", "JPN", "TWN")),
    # SUPPORT: asking forgiveness
    (
        "Der deutsche Präsident bat Namibia um Vergebung für den Völkermord.",
        ("SUPPORT", "DEU", "NAM"),
    ),
    # MOBILIZE: airspace violations
    ("Russische Kampfflugzeuge verletzten den estnischen Luftraum.", ("MOBILIZE", "RUS", "EST")),
    (
        "Ein russisches Kampfflugzeug drang in den Luftraum Finnlands ein.",
        ("MOBILIZE", "RUS", "FIN"),
    ),
    # ACCUSE: faulting, blaming, going to court, summoning
    ("Die Regierung in Seoul bemängelte die japanischen Schulbücher.", ("ACCUSE", "KOR", "JPN")),
    ("Paris lastete Moskau die Cyberangriffe an.", ("ACCUSE", "FRA", "RUS")),
    ("Polen zog gegen Deutschland vor den Europäischen Gerichtshof.", ("ACCUSE", "POL", "DEU")),
    # PROTEST: barricades, paralysing a country
    (
        "Die Demonstranten errichteten in Caracas Barrikaden und warfen Steine auf die Polizei.",
        ("PROTEST", "VEN", "VEN"),
    ),
    (
        "Die Lehrer in Nigeria legten das Schulsystem mit einem Streik lahm.",
        ("PROTEST", "NGA", "NGA"),
    ),
    # REQUEST and REJECT that name what is asked or refused
    ("Die Ukraine bat Deutschland um Militärhilfe.", ("REQUEST", "UKR", "DEU")),
    ("Israel setzte sich über die Resolution des Sicherheitsrats hinweg.", ("REJECT", "ISR", "UN")),
    ("Nordkorea umging die Sanktionen der Vereinten Nationen.", ("REJECT", "PRK", "UN")),
    # COERCE: boarding ships, withdrawing accreditation, encircling
    (
        "Die iranischen Revolutionsgarden brachten einen britischen Tanker im Golf auf.",
        ("COERCE", "IRN", "GBR"),
    ),
    ("Russland entzog der Deutschen Welle die Akkreditierung.", ("COERCE", "RUS", "DEU")),
    ("Die Armee Ruandas umzingelte die Stadt Goma.", ("COERCE", "RWA", "COD")),
    # RETREAT: troop cuts, surrender, tariff cuts, inspectors
    ("Die USA reduzierten ihre Truppen im Irak.", ("RETREAT", "USA", "IRQ")),
    ("Die USA senkten die Zölle auf Stahl aus der EU.", ("RETREAT", "USA", "EU")),
    ("Der Iran ließ Inspektoren der IAEA wieder zu.", ("RETREAT", "IRN", "IAEA")),
    # SANCTION: expelling observers
    ("Mali wies die UN-Beobachter aus.", ("SANCTION", "MLI", "UN")),
    # ASSAULT: killing, air raids
    ("Russland zerbombte das Krankenhaus in Mariupol.", ("ASSAULT", "RUS", "UKR")),
    # batch two: outfitting, gas flows, saying no, denying access, going to war
    ("Deutschland stattete die Ukraine mit Panzern aus.", ("AID", "DEU", "UKR")),
    ("Norwegisches Gas fließt über die neue Pipeline nach Polen.", ("COOPERATE", "NOR", "POL")),
    ("Die Türkei sagte Nein zum Beitritt Schwedens.", ("REJECT", "TUR", "SWE")),
    (
        "Israel verwehrte den UN-Ermittlern den Zugang zum Gazastreifen.",
        ("REJECT", "ISR", "UN"),
    ),
    ("Russland führt seit Februar 2022 Krieg gegen die Ukraine.", ("ASSAULT", "RUS", "UKR")),
    (
        "Die USA und Japan patrouillierten gemeinsam im Südchinesischen Meer.",
        ("COOPERATE", "USA", "JPN"),
    ),
    (
        "Der UN-Menschenrechtsrat leitete eine Untersuchung gegen Belarus ein.",
        ("ACCUSE", "UN", "BLR"),
    ),
    ("Die Marine Indiens stellte einen neuen Flugzeugträger in Dienst.", ("MOBILIZE", "IND", None)),
    # AGREE: accepting an invitation
    ("Putin nahm die Einladung Xi Jinpings an.", ("AGREE", "RUS", "CHN")),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_new_entry_is_coded(text: str, expected: tuple) -> None:
    got = _factual(text)
    typ, src, tgt = expected
    assert expected in got or (typ in SYMMETRIC and (typ, tgt, src) in got), sorted(got, key=str)


#: the same words outside politics, sport or markets
SILENT = [
    "Der FC Bayern flog am Montag nach Madrid zum Champions-League-Spiel.",
    "Die Maschine der Lufthansa landete am Abend sicher in Frankfurt.",
    "Der Tennisspieler wurde vom Turnier disqualifiziert.",
    "Der Sturm legte den Bahnverkehr in Norddeutschland lahm.",
    "Die Bank beglich ihre Schulden bei den Gläubigern.",
    "Die Verbraucher kaufen wieder mehr Weizen und Mais.",
    "Der Verein schloss den Spieler aus dem Kader aus.",
    "Der Trainer bemängelte die Chancenverwertung seiner Mannschaft.",
    "Die Feuerwehr probte bei einer Großübung den Ernstfall.",
    "Die deutsche Nationalmannschaft reiste nach Katar.",
    "Die Ministerin stellte sich in den Dienst der Partei.",
    "Der Trainer ging mit seiner Mannschaft hart ins Gericht.",
    "Die beiden Spieler begegneten sich im Finale in Wimbledon.",
    "Ihr Widerspruch gegen den Bescheid hatte Erfolg.",
]


@pytest.mark.parametrize("text", SILENT)
def test_everyday_use_stays_silent(text: str) -> None:
    assert not _factual(text)
