"""Cross-cutting constructions (clause structure, modality, questions, reference across
sentences) in German and English, from tables of sentences written for these tests.

`FOUND` rows must yield the factual event (type, source key, target key); `ABSENT` rows must
yield no factual event of the given type (a negated or hypothetical one is fine)."""

from __future__ import annotations

import pytest
from test_coder_en import PIPE, D, _triples

from lagebild.schema import Article, Event


def _factual(lang: str, text: str) -> list[Event]:
    events = PIPE.process(Article(id="t", text=text, date=D, language=lang)).events
    return [e for e in events if not e.negated and not e.hypothetical]


FOUND = [
    # ... but a protest in a place is that place's people's
    ("de", "In Moskau kam es zu Protesten gegen die Mobilmachung.", ("PROTEST", "RUS", "RUS")),
    ("en", "Thousands held protests in Tbilisi against the law.", ("PROTEST", "GEO", "GEO")),
    # "after"/"before" before a subject and its verb open a clause, not a phrase
    (
        "en",
        "The prime minister resigned after protesters stormed his office in Dhaka.",
        ("PROTEST", "BGD", "BGD"),
    ),
    (
        "en",
        "Moscow expelled two Estonian diplomats after Estonia expelled a Russian diplomat.",
        ("SANCTION", "EST", "RUS"),
    ),
    # a clause of cause or time after a threat, demand or support states an act of its own
    (
        "de",
        "Die EU drohte Belarus mit neuen Sanktionen, weil die Regierung in Minsk "
        "Oppositionelle verhaftet hatte.",
        ("COERCE", "BLR", "BLR"),
    ),
    (
        "de",
        "Polen forderte Russland zur Zurückhaltung auf, nachdem russische Drohnen den "
        "polnischen Luftraum verletzt hatten.",
        ("MOBILIZE", "RUS", "POL"),
    ),
    (
        "en",
        "The EU threatened Belarus with new sanctions because the government in Minsk had "
        "arrested opposition leaders.",
        ("COERCE", "BLR", "BLR"),
    ),
    # ... and may still name whom the demand is aimed at
    (
        "de",
        "Die Ukraine verlangte Schadenersatz, weil russische Truppen das Kraftwerk besetzt hatten.",
        ("REQUEST", "UKR", "RUS"),
    ),
    # a denied part in an act of others: the act took place, the denial has no target
    (
        "en",
        "Belarus denied any role in the Russian missile strikes on Ukraine.",
        ("ASSAULT", "RUS", "UKR"),
    ),
    (
        "en",
        "Belarus denied any role in the Russian missile strikes on Ukraine.",
        ("REJECT", "BLR", None),
    ),
    (
        "de",
        "Belarus wies jede Verantwortung für die russischen Raketenangriffe auf die Ukraine "
        "zurück.",
        ("ASSAULT", "RUS", "UKR"),
    ),
    (
        "de",
        "Teheran bestritt jede Beteiligung an den Angriffen der Huthi auf israelische Schiffe.",
        ("REJECT", "IRN", None),
    ),
]


NEGATION_SCOPE = [
    # the clause's negation does not reach an act of occasion ...
    (
        "de",
        "Bei der Kundgebung der Opposition in Minsk nahm die Polizei niemanden fest.",
        ("PROTEST", "BLR", "BLR"),
    ),
    (
        "en",
        "During the opposition rally in Tbilisi, police did not detain anyone.",
        ("PROTEST", "GEO", "GEO"),
    ),
    # ... nor an act whose own author its noun phrase names
    (
        "de",
        "Weder Frankreich noch Italien beteiligten sich an den amerikanischen Luftangriffen auf "
        "Syrien.",
        ("ASSAULT", "USA", "SYR"),
    ),
    (
        "en",
        "Neither France nor Italy took part in the American air strikes on Syria.",
        ("ASSAULT", "USA", "SYR"),
    ),
    # a negation in a second clause after ", and" does not reach the first
    (
        "en",
        "Tens of thousands of protesters filled the streets of Belgrade, and the police did "
        "not intervene.",
        ("PROTEST", "SRB", "SRB"),
    ),
]

FOUND += NEGATION_SCOPE

FUTURE_INTENT = [
    # a stated future visit is an intent to meet (AGREE), also with a place phrase before
    # the German verb and after a "that"-less announcement in English
    ("de", "Bundeskanzler Scholz wird nächste Woche nach China reisen.", ("AGREE", "DEU", "CHN")),
    (
        "de",
        "Der Kreml bestätigte, dass Putin im Dezember nach Indien reisen werde.",
        ("AGREE", "RUS", "IND"),
    ),
    ("en", "The Kremlin announced Putin would visit Pyongyang in June.", ("AGREE", "RUS", "PRK")),
    (
        "en",
        "The White House announced Biden would travel to Israel in October.",
        ("AGREE", "USA", "ISR"),
    ),
    ("de", "Papst Leo XIV. wird im Mai in den Libanon reisen.", ("AGREE", "VAT", "LBN")),
    # a second verb after "and" shares the modal and the announcement of the first
    (
        "en",
        "The M23 rebels announced that they would disband and lay down their weapons.",
        ("CONCEDE", "COD", "COD"),
    ),
    # an announced threat is a threat
    (
        "de",
        "Die Hisbollah kündigte an, israelische Stellungen ins Visier zu nehmen.",
        ("THREATEN", "LBN", "ISR"),
    ),
    # ... but an act to come that the speaker announces is
    ("en", "Japan said it would send emergency aid to Turkey.", ("AGREE", "JPN", "TUR")),
]

FOUND += FUTURE_INTENT

ANAPHORA = [
    # "him"/"ihm" in a later sentence: the named person who acted before
    (
        "en",
        "Hungary's prime minister Viktor Orban travelled to Moscow and met Vladimir Putin. EU "
        "leaders accused him of undermining the union.",
        ("ACCUSE", "EU", "HUN"),
    ),
    (
        "de",
        "Der slowakische Regierungschef Robert Fico reiste nach Moskau und traf Wladimir Putin. "
        "Die EU warf ihm daraufhin vor, die Einigkeit der Union zu untergraben.",
        ("ACCUSE", "EU", "SVK"),
    ),
    # "them"/"ihnen": those the act before was aimed at; "the minister", "die Behörden":
    # the office of the state that acted before
    (
        "en",
        "Belarusian police detained a dozen students in Minsk on Monday. The interior ministry "
        "accused them of organising riots.",
        ("ACCUSE", "BLR", "BLR"),
    ),
    (
        "de",
        "Die iranische Polizei nahm in Teheran mehrere Studentinnen fest. Die Behörden warfen "
        "ihnen vor, Unruhen angezettelt zu haben.",
        ("ACCUSE", "IRN", "IRN"),
    ),
    # a definite role noun of no state ("the militia", "die Miliz") is the actor of that
    # kind named before in the sentence
    (
        "en",
        "After an air strike on a Hezbollah position, the militia accused Israel of breaking "
        "the truce.",
        ("ACCUSE", "LBN", "ISR"),
    ),
    (
        "de",
        "Ein Lager der Hisbollah im Süden des Libanon soll von israelischen Drohnen getroffen "
        "worden sein, teilte die Miliz mit.",
        ("ACCUSE", "LBN", "ISR"),
    ),
    # "Sie" before a plural verb, "They" opening a sentence: those who acted before
    (
        "de",
        "Tausende Georgier demonstrierten am Abend vor dem Parlament in Tiflis. Sie forderten "
        "von der Regierung Neuwahlen.",
        ("REQUEST", "GEO", "GEO"),
    ),
    (
        "en",
        "Serbian students blocked a bridge in Novi Sad. They accused the government of corruption.",
        ("ACCUSE", "SRB", "SRB"),
    ),
    # "Sie" before a singular verb stays the person named before
    (
        "de",
        "Außenministerin Baerbock reiste nach Kiew. Sie sagte der Ukraine weitere Hilfe zu.",
        ("AGREE", "DEU", "UKR"),
    ),
    # "the group", "der Gruppe": the armed group named before
    (
        "en",
        "The Houthis fired a missile at a tanker in the Red Sea. The United States accused the "
        "group of endangering shipping.",
        ("ACCUSE", "USA", "YEM"),
    ),
    (
        "de",
        "Die Huthi feuerten eine Rakete auf einen Tanker im Roten Meer ab. Die USA warfen der "
        "Gruppe vor, die Schifffahrt zu gefährden.",
        ("ACCUSE", "USA", "YEM"),
    ),
    # "daraufhin", "in response": aimed at the author of the act before
    (
        "de",
        "Aserbaidschan beschoss armenische Stellungen an der Grenze. Eriwan drohte daraufhin mit "
        "Vergeltung.",
        ("THREATEN", "ARM", "AZE"),
    ),
    (
        "en",
        "Azerbaijan shelled Armenian positions on the border. In response, Yerevan threatened "
        "retaliation.",
        ("THREATEN", "ARM", "AZE"),
    ),
    # an object "it" is not the subject's own state
    (
        "en",
        "NATO deployed jets to Poland after Warsaw asked it for support.",
        ("REQUEST", "POL", "NATO"),
    ),
    # within one sentence, an object pronoun is the actor named before it
    (
        "en",
        "Russia declared the Estonian ambassador persona non grata and ordered him to leave.",
        ("SANCTION", "RUS", "EST"),
    ),
]

FOUND += ANAPHORA

QUESTIONS = [
    # "how many", "why", "wie viele", "warum" take the act asked about as given
    (
        "de",
        "Wie viele Drohnen schoss Russland in der Nacht auf die Ukraine ab?",
        ("ASSAULT", "RUS", "UKR"),
    ),
    ("en", "How many missiles did Russia fire at Kyiv overnight?", ("ASSAULT", "RUS", "UKR")),
    (
        "en",
        "Why did Israel strike the Iranian consulate in Damascus?",
        ("ASSAULT", "ISR", "IRN"),
    ),
    (
        "de",
        "Warum bombardierte Israel das iranische Konsulat in Damaskus?",
        ("ASSAULT", "ISR", "IRN"),
    ),
]

FOUND += QUESTIONS

REPORTED = [
    # a Konjunktiv clause after a threat or demand is its complement, even without "dass":
    # its subject is whom the threat or demand is aimed at
    (
        "de",
        "Nordkorea drohte, Südkorea werde einen hohen Preis zahlen, falls die Manöver "
        "fortgesetzt würden.",
        ("THREATEN", "PRK", "KOR"),
    ),
    (
        "de",
        "Polen forderte, Russland müsse seine Truppen aus Belarus abziehen.",
        ("REQUEST", "POL", "RUS"),
    ),
]

FOUND += REPORTED

DECIDED = [
    # ... but one decided or imposed is real
    ("de", "Die EU beschloss neue Sanktionen gegen Russland.", ("SANCTION", "EU", "RUS")),
    ("en", "The EU imposed new sanctions on Russia.", ("SANCTION", "EU", "RUS")),
    ("en", "Biden and Xi will hold talks in San Francisco in November.", ("AGREE", "USA", "CHN")),
]

FOUND += DECIDED

REFRAINED = [
    # refraining from a reaction leaves the act reacted to real
    (
        "de",
        "China sah davon ab, den russischen Angriff auf die Ukraine zu verurteilen.",
        ("ASSAULT", "RUS", "UKR"),
    ),
    (
        "en",
        "India refrained from condemning the Russian invasion of Ukraine.",
        ("ASSAULT", "RUS", "UKR"),
    ),
]

FOUND += REFRAINED

PRESUPPOSED = [
    # an act named with its author's possessive inside a governed clause exists
    (
        "en",
        "The EU accused Iran of helping to prolong Russia's war against Ukraine.",
        ("ASSAULT", "RUS", "UKR"),
    ),
    (
        "en",
        "Kyiv accused Minsk of helping to sustain Russia's occupation of Crimea.",
        ("ASSAULT", "RUS", "UKR"),
    ),
]

FOUND += PRESUPPOSED

SHARED_COUNTERPART = [
    # a cooperative second verb shares the counterpart of the first
    (
        "en",
        "Scholz met Zelensky in Kyiv and promised more air defence systems.",
        ("AGREE", "DEU", "UKR"),
    ),
    (
        "de",
        "Macron traf in Paris den ukrainischen Präsidenten und sagte weitere Hilfe zu.",
        ("AGREE", "FRA", "UKR"),
    ),
]

FOUND += SHARED_COUNTERPART

OBLIQUE_RELATIVES = [
    # "dem/den/denen" + article: the noun before is the object of the relative clause
    (
        "de",
        "Venezuela, dem die USA Drogenhandel vorwerfen, wies die Anschuldigungen zurück.",
        ("ACCUSE", "USA", "VEN"),
    ),
    (
        "de",
        "Serbien, dem die EU mangelnde Reformen vorwirft, sagte neue Gespräche zu.",
        ("ACCUSE", "EU", "SRB"),
    ),
    (
        "de",
        "Präsident Maduro, den die USA mit Sanktionen belegt haben, reiste nach Moskau.",
        ("SANCTION", "USA", "VEN"),
    ),
]

FOUND += OBLIQUE_RELATIVES

RULED_OUT = [
    # ruling out an act is a refusal aimed at whom it would have served
    (
        "en",
        "Chancellor Scholz ruled out sending fighter jets to Ukraine.",
        ("REJECT", "DEU", "UKR"),
    ),
    (
        "de",
        "Bundeskanzler Scholz schloss eine Lieferung von Kampfjets an die Ukraine aus.",
        ("REJECT", "DEU", "UKR"),
    ),
]

FOUND += RULED_OUT

CONDITIONAL_THREATS = [
    # a speaker saying it would hit back or respond if another acted threatens that actor
    (
        "en",
        "Iran's foreign minister said Iran would hit back hard if Israel attacked its oil "
        "terminals.",
        ("THREATEN", "IRN", "ISR"),
    ),
    (
        "en",
        "Pyongyang said North Korea would strike back if American bombers entered its airspace.",
        ("THREATEN", "PRK", None),
    ),
    (
        "en",
        "Should Turkey send troops into northern Syria, the Syrian army would respond, the "
        "government in Damascus said.",
        ("THREATEN", "SYR", "TUR"),
    ),
    (
        "de",
        "Sollte Aserbaidschan Truppen an die Grenze verlegen, werde Armenien reagieren, "
        "erklärte die Regierung in Eriwan.",
        ("THREATEN", "ARM", "AZE"),
    ),
    # "für den Fall, dass", "in the event that" open a condition; a threat with no target
    # is aimed at the actor of the condition
    (
        "de",
        "Für den Fall, dass Polen Kampfjets an die Ukraine liefert, drohte Moskau mit "
        "Konsequenzen.",
        ("THREATEN", "RUS", "POL"),
    ),
    (
        "en",
        "In the event that Poland sends fighter jets to Ukraine, Russia would retaliate, the "
        "Kremlin said.",
        ("THREATEN", "RUS", "POL"),
    ),
]

FOUND += CONDITIONAL_THREATS

ABSENT: list[tuple[str, str, str]] = [
    # a past act someone reports is no announced intent (AGREE) nor a fact
    ("en", "Kyiv said Iran had delivered hundreds of drones to Russia.", "AGREE"),
    ("en", "Kyiv said Iran had delivered hundreds of drones to Russia.", "AID"),
    ("de", "Kiew erklärte, Iran habe Hunderte Drohnen an Russland geliefert.", "AGREE"),
    # ... unless its own phrase makes it planned
    ("en", "Washington urged Israel to call off its planned offensive on Rafah.", "ASSAULT"),
    # the condition's act did not happen; an act judged unlikely neither
    (
        "de",
        "Für den Fall, dass Polen Kampfjets an die Ukraine liefert, drohte Moskau mit "
        "Konsequenzen.",
        "AID",
    ),
    (
        "de",
        "Analysten halten einen russischen Angriff auf Finnland für unwahrscheinlich.",
        "ASSAULT",
    ),
    ("en", "A Russian attack on Finland is unlikely, analysts say.", "ASSAULT"),
    # ... and the act ruled out is not done
    ("en", "Chancellor Scholz ruled out sending fighter jets to Ukraine.", "AID"),
    # what one refrains from is not done, and refraining is no concession
    (
        "de",
        "Brasilien verzichtete darauf, die russische Invasion in der UN-Vollversammlung zu "
        "verurteilen.",
        "ACCUSE",
    ),
    (
        "de",
        "Brasilien verzichtete darauf, die russische Invasion in der UN-Vollversammlung zu "
        "verurteilen.",
        "CONCEDE",
    ),
    ("de", "China sah davon ab, die russische Invasion zu verurteilen.", "ACCUSE"),
    ("en", "India refrained from condemning the Russian invasion of Ukraine.", "ACCUSE"),
    ("en", "Israel avoided striking Iranian oil facilities.", "ASSAULT"),
    # an event noun that is only planned, weighed or ahead
    ("de", "Die EU plant neue Sanktionen gegen Russland.", "SANCTION"),
    (
        "de",
        "Die Bundesregierung will nächste Woche über weitere Waffenlieferungen an die Ukraine "
        "entscheiden.",
        "AID",
    ),
    ("en", "The EU is considering an oil embargo on Russia.", "SANCTION"),
    ("en", "Germany will decide on more aid for Ukraine next week.", "AID"),
    ("en", "Germany will decide on more aid for Ukraine next week.", "AGREE"),
    (
        "en",
        "The M23 rebels announced that they would disband and lay down their weapons.",
        "RETREAT",
    ),
    ("en", "The finance minister said the economy would hit back if inflation fell.", "THREATEN"),
    # ... and the demanded act did not happen
    ("de", "Polen forderte, Russland müsse seine Truppen aus Belarus abziehen.", "RETREAT"),
    # a yes/no question only asks
    ("en", "Will Russia attack Estonia?", "ASSAULT"),
    ("de", "Wird China Taiwan angreifen?", "ASSAULT"),
    ("de", "Greift Russland die Ukraine an?", "ASSAULT"),
    # "him" is a person, never the state that acted before
    (
        "en",
        "Israel killed a senior Hezbollah commander in Beirut. Iran promised to avenge him.",
        "AGREE",
    ),
    # a negated act of the clause's own subject stays negated
    ("de", "Russland hat die Ukraine nicht angegriffen.", "ASSAULT"),
    ("en", "Russia did not launch an attack on Ukraine.", "ASSAULT"),
    ("de", "Die Polizei nahm bei der Kundgebung niemanden fest.", "COERCE"),
    # the denier's own act stays denied
    ("en", "Russia denied attacking the hospital in Kharkiv.", "ASSAULT"),
    ("de", "Russland bestritt, das Krankenhaus in Charkiw angegriffen zu haben.", "ASSAULT"),
    # authorities that allow or ban a rally do not hold it
    (
        "de",
        "Die Stadt Belgrad genehmigte eine Kundgebung vor dem Parlament.",
        "PROTEST",
    ),
    (
        "de",
        "Die Behörden in Minsk untersagten eine Kundgebung der Opposition.",
        "PROTEST",
    ),
    # an outcry of the world is no protest by the people of a place the sentence names
    ("de", "Die Annexion der Krim löste einen internationalen Aufruhr aus.", "PROTEST"),
    ("de", "Die Festnahmen in Teheran lösten weltweite Proteste aus.", "PROTEST"),
    ("en", "The killing of the journalist in Istanbul sparked international protests.", "PROTEST"),
]


@pytest.mark.parametrize("lang,text,expected", FOUND)
def test_event_found(lang: str, text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert expected in _triples(_factual(lang, text))


@pytest.mark.parametrize("lang,text,typ", ABSENT)
def test_no_factual_event(lang: str, text: str, typ: str) -> None:
    assert typ not in {e.type for e in _factual(lang, text)}


TOLD_TWICE = [
    # a sentence with no date of its own that tells the act again is the same event
    (
        "de",
        "Der polnische Präsident ist am Dienstag in Kiew eingetroffen. Am Abend empfing ihn "
        "Präsident Selenskyj im Präsidentenpalast.",
        "CONSULT",
    ),
    (
        "en",
        "Japan's foreign minister flew to Seoul on Tuesday. There she met President Yoon.",
        "CONSULT",
    ),
]


@pytest.mark.parametrize("lang,text,typ", TOLD_TWICE)
def test_act_told_twice_is_one_event(lang: str, text: str, typ: str) -> None:
    assert [e.type for e in _factual(lang, text)].count(typ) == 1


def test_they_act_where_they_were() -> None:
    """'Sie'/'They' continuing the act before happened at its place."""
    text = (
        "Tausende Georgier demonstrierten am Abend vor dem Parlament in Tiflis. Sie forderten "
        "von der Regierung Neuwahlen."
    )
    request = next(e for e in _factual("de", text) if e.type == "REQUEST")
    assert (request.location or {}).get("country") == "GEO"


def test_act_asked_about_then_told_with_a_date_is_one_event() -> None:
    """An act taken as given in a question and told with its day in the next sentence is one
    event, dated by the day."""
    text = (
        "Wie viele Drohnen schoss Russland auf die Ukraine ab? Am Dienstag griff Russland die "
        "Ukraine mit 80 Drohnen an."
    )
    attacks = [e for e in _factual("de", text) if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].date is not None and attacks[0].date.weekday() == 1
