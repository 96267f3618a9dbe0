"""Counts of people (size, dead, injured) found by `lagebild.magnitudes`, from tables."""

from __future__ import annotations

import pytest
import yaml

import lagebild.magnitude_words as magnitude_words_module
from lagebild.errors import DataError
from lagebild.lang import LanguagePack, get_pack
from lagebild.magnitudes import (
    Magnitude,
    attach_magnitudes,
    find_magnitudes,
    magnitude_lexicon,
)

# (sentence, [(span text, kind, value, approx), ...])
Case = tuple[str, list[tuple[str, str, int, bool]]]

DE_CASES: list[Case] = [
    ("Russland hat mehr als 100.000 Soldaten an der Grenze zusammengezogen.",
     [("mehr als 100.000 Soldaten", "size", 100000, True)]),
    ("Zehntausende Demonstranten zogen durch die Hauptstadt.",
     [("Zehntausende Demonstranten", "size", 20000, True)]),
    ("Rund 300.000 Reservisten sollen einberufen werden.",
     [("Rund 300.000 Reservisten", "size", 300000, True)]),
    ("Mindestens elf Menschen kamen bei dem Angriff ums Leben.",
     [("Mindestens elf Menschen", "dead", 11, True)]),
    ("Die Rakete tötete 20 Zivilisten.", [("20 Zivilisten", "dead", 20, False)]),
    ("Es gab elf Tote und Dutzende Verletzte.",
     [("elf Tote", "dead", 11, False), ("Dutzende Verletzte", "injured", 24, True)]),
    ("Bei dem Beschuss wurden 20 Menschen getötet und 30 verletzt.",
     [("20 Menschen", "dead", 20, False), ("30", "injured", 30, False)]),
    ("Zwei Millionen Menschen sind aus dem Land geflohen.",
     [("Zwei Millionen Menschen", "size", 2000000, False)]),
    ("Die Armee will 1,5 Millionen Soldaten unter Waffen haben.",
     [("1,5 Millionen Soldaten", "size", 1500000, False)]),
    ("Eine Million Menschen gingen auf die Straße.",
     [("Eine Million Menschen", "size", 1000000, False)]),
    ("Hunderte von Demonstranten wurden festgenommen.",
     [("Hunderte von Demonstranten", "size", 200, True)]),
    ("Tausende protestierten in Moskau gegen den Krieg.", [("Tausende", "size", 2000, True)]),
    ("Die Zahl der Toten stieg auf 50.", [("50", "dead", 50, False)]),
    ("Die USA verlegen 3.000 US-Soldaten nach Polen.",
     [("3.000 US-Soldaten", "size", 3000, False)]),
    ("Eine 40-köpfige Delegation reiste nach Minsk.", [("40-köpfige", "size", 40, False)]),
    ("Im Jahr 2022 kamen zweihundertfünfzig Häftlinge frei.",
     [("zweihundertfünfzig Häftlinge", "size", 250, False)]),
    ("Die Bundeswehr schickt eineinhalb tausend Soldaten.",
     [("eineinhalb tausend Soldaten", "size", 1500, False)]),
    ("3.000 bis 5.000 Soldaten sind im Einsatz.",
     [("3.000 bis 5.000 Soldaten", "size", 3000, True)]),
    ("Mehrere tausend Menschen versammelten sich vor dem Parlament.",
     [("Mehrere tausend Menschen", "size", 2000, True)]),
    ("Rund 2000 Soldaten sind dort stationiert.",
     [("Rund 2000 Soldaten", "size", 2000, True)]),
    ("Die Polizei nahm 4000 Menschen fest, 12 wurden verletzt.",
     [("4000 Menschen", "size", 4000, False), ("12", "injured", 12, False)]),
    ("Einundzwanzig Kinder wurden bei dem Luftangriff getötet.",
     [("Einundzwanzig Kinder", "dead", 21, False)]),
    ("Eine 1.500 Mann starke Truppe wurde entsandt.", [("1.500 Mann", "size", 1500, False)]),
    ("Über 100 Soldaten wurden schwer verwundet.", [("Über 100 Soldaten", "injured", 100, True)]),
    ("Die Behörden meldeten 14 Todesopfer und 50 Schwerverletzte.",
     [("14 Todesopfer", "dead", 14, False), ("50 Schwerverletzte", "injured", 50, False)]),
    ("Die Türkei nahm knapp 1.200 Verdächtige fest, darunter zwölf Polizisten.",
     [("knapp 1.200 Verdächtige", "size", 1200, True), ("zwölf Polizisten", "size", 12, False)]),
    ("Israel ließ 39 palästinensische Häftlinge frei.",
     [("39 palästinensische Häftlinge", "size", 39, False)]),
    ("Ca. 300 Menschen wurden in Gewahrsam genommen.",
     [("Ca. 300 Menschen", "size", 300, True)]),
    ("Frankreich mobilisierte 45\u202f000 Polizisten.",
     [("45\u202f000 Polizisten", "size", 45000, False)]),
    ("Zwei Dutzend Soldaten starben bei dem Gefecht.",
     [("Zwei Dutzend Soldaten", "dead", 24, False)]),
    ("Die Invasion hat mehr als 100.000 Ukrainer in die Flucht getrieben.",
     [("mehr als 100.000 Ukrainer", "size", 100000, True)]),
    ("Hunderttausende Israelis gingen gegen die Justizreform auf die Straße.",
     [("Hunderttausende Israelis", "size", 200000, True)]),
    ("Zehntausende Menschen sind auf der Flucht, Hunderte wurden getötet.",
     [("Zehntausende Menschen", "size", 20000, True), ("Hunderte", "dead", 200, True)]),
    ("Russland marschierte mit Zehntausenden Soldaten ein.",
     [("Zehntausenden Soldaten", "size", 20000, True)]),
    # negatives: years, dates, money, percentages, codes, articles, ordinals
    ("Die Polizei erschoss einen 22-jährigen Demonstranten.", []),
    ("Bayer Leverkusen schlug den FC Bayern mit 3:0.", []),
    ("Seit 2014 kämpfen Soldaten im Donbass.", []),
    ("Am 3. März wurden Soldaten verletzt.", []),
    ("Die EU gibt 50 Milliarden Dollar für den Wiederaufbau.", []),
    ("20 Prozent der Soldaten wurden verletzt.", []),
    ("Die G7 beraten über Artikel 5 des Nato-Vertrags.", []),
    ("Die 1. Armee verlegte 2000 Panzer.", []),
    ("Ein Soldat wurde getötet.", []),
    ("Der Krieg dauert seit 24 Monaten, 1000 Tage nach der Annexion.", []),
    ("Um 18.30 Uhr begann die Sitzung mit 27 Staaten.", []),
    ("Er hat drei Kinder.", []),
    ("Die Resolution 2231 wurde im Jahr 2015 verabschiedet.", []),
]

EN_CASES: list[Case] = [
    ("Russia has massed more than 100,000 troops near the border.",
     [("more than 100,000 troops", "size", 100000, True)]),
    ("About 4,000 people were detained across Russia.",
     [("About 4,000 people", "size", 4000, True)]),
    ("A 1,500-strong contingent will be sent to Romania.",
     [("1,500-strong", "size", 1500, False)]),
    ("The strike killed dozens of civilians.", [("dozens of civilians", "dead", 24, True)]),
    ("The blast wounded at least 30.", [("at least 30", "injured", 30, True)]),
    ("Eleven people were killed and twenty-five injured.",
     [("Eleven people", "dead", 11, False), ("twenty-five injured", "injured", 25, False)]),
    ("Two million people have fled the country.",
     [("Two million people", "size", 2000000, False)]),
    ("Hundreds of thousands of protesters marched in Tbilisi.",
     [("Hundreds of thousands of protesters", "size", 200000, True)]),
    ("Tens of thousands took to the streets.", [("Tens of thousands", "size", 20000, True)]),
    ("The death toll rose to more than 50.", [("more than 50", "dead", 50, True)]),
    ("The US will send 3,000 additional troops to Poland.",
     [("3,000 additional troops", "size", 3000, False)]),
    ("NATO says Russia has 1.5 million soldiers.",
     [("1.5 million soldiers", "size", 1500000, False)]),
    ("A million people protested against the reform.",
     [("A million people", "size", 1000000, False)]),
    ("Two hundred and fifty prisoners were released.",
     [("Two hundred and fifty prisoners", "size", 250, False)]),
    ("Several thousand soldiers took part in the drills.",
     [("Several thousand soldiers", "size", 2000, True)]),
    ("Police arrested 4000 people, and 12 were injured.",
     [("4000 people", "size", 4000, False), ("12", "injured", 12, False)]),
    ("The attack killed 12 and wounded 30.",
     [("12", "dead", 12, False), ("30", "injured", 30, False)]),
    ("One soldier was killed in the shelling.", [("One soldier", "dead", 1, False)]),
    ("Some 3,000 to 5,000 troops are deployed there.",
     [("Some 3,000 to 5,000 troops", "size", 3000, True)]),
    ("A few hundred demonstrators gathered outside.",
     [("A few hundred demonstrators", "size", 200, True)]),
    ("Three children were killed in the strike.", [("Three children", "dead", 3, False)]),
    ("The floods killed more than 150 people.", [("more than 150 people", "dead", 150, True)]),
    ("The Pentagon put 8,500 US troops on heightened alert.",
     [("8,500 US troops", "size", 8500, False)]),
    ("Officials reported 14 dead and 40 wounded.",
     [("14 dead", "dead", 14, False), ("40 wounded", "injured", 40, False)]),
    ("Nearly 2,000 police officers were deployed.",
     [("Nearly 2,000 police officers", "size", 2000, True)]),
    ("The raid left 7 militants dead.", [("7 militants", "dead", 7, False)]),
    ("Israel called up 300,000 reservists.", [("300,000 reservists", "size", 300000, False)]),
    ("Hundreds of Ukrainians gathered outside the embassy.",
     [("Hundreds of Ukrainians", "size", 200, True)]),
    ("Two dozen soldiers died in the ambush.", [("Two dozen soldiers", "dead", 24, False)]),
    ("An estimated 5,000 protesters rallied in the capital.",
     [("An estimated 5,000 protesters", "size", 5000, True)]),
    ("Rescuers said 9 people were injured.", [("9 people", "injured", 9, False)]),
    ("The administration deported more than 200 Venezuelans.",
     [("more than 200 Venezuelans", "size", 200, True)]),
    ("Tens of thousands of Georgians marched through Tbilisi.",
     [("Tens of thousands of Georgians", "size", 20000, True)]),
    ("COVID-19 killed millions of people.", [("millions of people", "dead", 2000000, True)]),
    ("Israel says 1,200 people were killed in the attack on 7 October.",
     [("1,200 people", "dead", 1200, False)]),
    # negatives
    ("Police killed a 22-year-old protester.", []),
    ("The Kremlin said the truce was violated more than a thousand times.", []),
    ("Iran fired more than a dozen ballistic missiles.", []),
    ("In 2014 troops entered Crimea.", []),
    ("On 3 March, soldiers were wounded.", []),
    ("The EU pledged 50 billion dollars in aid.", []),
    ("About 20 percent of troops were injured.", []),
    ("The G7 discussed Article 5 of the treaty.", []),
    ("The F-16 jets arrived in 2023.", []),
    ("The resolution passed 13 to 2.", []),
    ("Ukraine received 300 tanks.", []),
    ("He has two children.", []),
    ("The talks lasted 12 hours, and $5 million was pledged.", []),
    ("Since March 2022 the war has killed soldiers.", []),
]


def _as_tuples(text: str, found: list[Magnitude]) -> list[tuple[str, str, int, bool]]:
    return [(text[m.start : m.end], m.kind, m.value, m.approx) for m in found]


@pytest.mark.parametrize(("text", "expected"), DE_CASES, ids=[c[0][:40] for c in DE_CASES])
def test_german_magnitudes(text: str, expected: list[tuple[str, str, int, bool]]) -> None:
    assert _as_tuples(text, find_magnitudes(text, "de")) == expected


@pytest.mark.parametrize(("text", "expected"), EN_CASES, ids=[c[0][:40] for c in EN_CASES])
def test_english_magnitudes(text: str, expected: list[tuple[str, str, int, bool]]) -> None:
    assert _as_tuples(text, find_magnitudes(text, "en")) == expected


def test_tables_are_big_enough_and_hold_negatives() -> None:
    for cases in (DE_CASES, EN_CASES):
        assert len(cases) >= 30
        assert sum(1 for _, expected in cases if not expected) >= 8


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_number_word_of_the_pack_is_read(lang: str) -> None:
    """Each number word of the data file, standing alone before a unit, gives its value."""
    data = get_pack(lang).yaml("magnitudes.yaml")
    assert isinstance(data, dict)
    noun = "Soldaten" if lang == "de" else "soldiers"
    cue = "wurden getötet" if lang == "de" else "were killed"
    for word, value in data["numbers"].items():
        text = f"Dort {word} {noun} {cue}." if lang == "de" else f"Then {word} {noun} {cue}."
        found = find_magnitudes(text, lang)
        assert [(m.kind, m.value) for m in found] == [("dead", round(value))], text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_vague_word_is_approximate(lang: str) -> None:
    data = get_pack(lang).yaml("magnitudes.yaml")
    assert isinstance(data, dict)
    noun = "Demonstranten" if lang == "de" else "protesters"
    for word, value in data["vague"].items():
        found = find_magnitudes(f"{word.capitalize()} {noun} waited.", lang)
        assert [(m.kind, m.value, m.approx) for m in found] == [("size", value, True)], word


def test_offsets_point_into_the_sentence_after_unicode_that_grows_when_lowercased() -> None:
    text = "İstanbul: Mehr als 200 Demonstranten wurden festgenommen."
    [found] = find_magnitudes(text, "de")
    assert text[found.start : found.end] == "Mehr als 200 Demonstranten"


def test_unsupported_language_raises() -> None:
    from lagebild.errors import UnsupportedLanguageError

    with pytest.raises(UnsupportedLanguageError):
        find_magnitudes("100 soldiers", "xx")


def test_bad_data_file_is_reported_with_its_path(monkeypatch, tmp_path) -> None:
    pack_dir = tmp_path / "de"
    pack_dir.mkdir()
    data = get_pack("de").yaml("magnitudes.yaml")
    assert isinstance(data, dict)
    data["units"] = {"crowd": ["leute"]}
    (pack_dir / "magnitudes.yaml").write_text(yaml.safe_dump(data), "utf-8")
    pack = LanguagePack("de")
    pack.dir = pack_dir
    monkeypatch.setattr(magnitude_words_module, "get_pack", lambda code: pack)
    magnitude_lexicon.cache_clear()
    try:
        with pytest.raises(DataError, match=r"magnitudes\.yaml.*unknown kind.*crowd"):
            magnitude_lexicon("de")
    finally:
        magnitude_lexicon.cache_clear()


def _mag(kind: str, value: int, start: int) -> Magnitude:
    return Magnitude(start=start, end=start + 5, kind=kind, value=value, approx=False)


def test_attach_gives_the_fields_that_fit_the_event_type() -> None:
    mags = [_mag("size", 1000, 0), _mag("dead", 12, 40), _mag("injured", 30, 60)]
    assert attach_magnitudes("MOBILIZE", mags) == {"size": 1000}
    assert attach_magnitudes("ASSAULT", mags) == {"dead": 12, "injured": 30}
    assert attach_magnitudes("COERCE", mags) == {"size": 1000, "dead": 12, "injured": 30}
    assert attach_magnitudes("CONSULT", mags) == {}


def test_attach_picks_the_magnitude_nearest_the_trigger() -> None:
    mags = [_mag("size", 100, 0), _mag("size", 5000, 80)]
    assert attach_magnitudes("PROTEST", mags) == {"size": 100}
    assert attach_magnitudes("PROTEST", mags, trigger_start=70) == {"size": 5000}


def test_found_magnitudes_attach_to_an_assault() -> None:
    text = "Die Rakete tötete mindestens 20 Zivilisten und verletzte 45 weitere."
    found = find_magnitudes(text, "de")
    assert attach_magnitudes("ASSAULT", found, trigger_start=text.index("tötete")) == {
        "dead": 20, "injured": 45,
    }
