"""Checks of the trigger lexicons (lagebild/lang/<code>/triggers.tsv) as data.

The coder reads these files; these tests keep them well-formed: every CAMEO code has a
PLOVER type, entries sit under the header of their type, options are known, no pattern
is listed twice, every type is covered, and the lemmas written are those simplemma gives.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import simplemma
import yaml

ROOT = Path(__file__).resolve().parent.parent
LANG_DIR = ROOT / "lagebild" / "lang"
CAMEO_TSV = ROOT / "lagebild" / "data" / "cameo.tsv"
LANGS = ("de", "en")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)
FLAGS = {"inv", "weak", "sport", "norefl", "intrans", "ptarget", "naming", "topic", "people"}
NEED_VALUES = {"target", "consequence"}
MIN_PER_TYPE = 12
MIN_ENTRIES = 300


class Entry:
    """One parsed line of a triggers.tsv file."""

    def __init__(self, line: int, pattern: str, code: str, options: str, section: str | None):
        self.line = line
        self.pattern = pattern
        self.code = code
        self.options = options
        self.section = section

    @property
    def words(self) -> list[str]:
        """The lower-cased words of the pattern (without a compound star)."""
        return self.pattern.lstrip("*").lower().split()


@cache
def cameo_types() -> dict[str, str]:
    """CAMEO code -> PLOVER type ('' when the code has none)."""
    types = {}
    for raw in CAMEO_TSV.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        types[cells[0]] = cells[3] if len(cells) > 3 else ""
    return types


@cache
def entries(lang: str) -> tuple[Entry, ...]:
    """All entries of a language's lexicon, with the type header they stand under."""
    out = []
    section = None
    path = LANG_DIR / lang / "triggers.tsv"
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = raw.strip()
        if stripped.startswith("# ----"):
            section = stripped.split()[-1]
            continue
        if not stripped or stripped.startswith("#"):
            continue
        cells = raw.split("\t")
        assert 2 <= len(cells) <= 3, f"{path}:{no}: expected 2 or 3 tab-separated fields"
        out.append(Entry(no, cells[0], cells[1], cells[2] if len(cells) == 3 else "", section))
    return tuple(out)


@cache
def cues(lang: str) -> dict[str, list[str]]:
    """The language's cues.yaml (reporting verbs, separable particles ...)."""
    data = yaml.safe_load((LANG_DIR / lang / "cues.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def patterns(lang: str) -> set[str]:
    """Lower-cased patterns of a lexicon."""
    return {e.pattern.lower() for e in entries(lang)}


@pytest.mark.parametrize("lang", LANGS)
def test_fields_are_clean(lang: str) -> None:
    """Patterns have no stray blanks; single words have no star unless German nouns heads."""
    for e in entries(lang):
        where = f"{lang}:{e.line} {e.pattern!r}"
        assert e.pattern == e.pattern.strip() and "  " not in e.pattern, where
        assert e.code.isdigit() and 2 <= len(e.code) <= 4, where
        if e.pattern.startswith("*"):
            assert lang == "de", f"{where}: compound heads are for German nouns"
            head = e.pattern[1:]
            assert head.islower() and head.isalpha() and len(head) >= 4, where


@pytest.mark.parametrize("lang", LANGS)
def test_codes_have_plover_type(lang: str) -> None:
    """Every code is in cameo.tsv and maps to one of the 16 PLOVER types."""
    types = cameo_types()
    for e in entries(lang):
        assert types.get(e.code) in PLOVER_TYPES, f"{lang}:{e.line}: code {e.code} has no type"


@pytest.mark.parametrize("lang", LANGS)
def test_entries_stand_under_their_type(lang: str) -> None:
    """The comment header above an entry names the PLOVER type of its code."""
    types = cameo_types()
    for e in entries(lang):
        assert e.section == types[e.code], (
            f"{lang}:{e.line} {e.pattern!r} ({e.code} = {types[e.code]}) under {e.section}"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_options_are_known(lang: str) -> None:
    """Options are flags (FLAGS), tprep=a|b or need=target|consequence."""
    for e in entries(lang):
        for item in filter(None, (o.strip() for o in e.options.split(","))):
            where = f"{lang}:{e.line} option {item!r}"
            if "=" not in item:
                assert item in FLAGS, where
                continue
            key, value = item.split("=", 1)
            assert key in {"tprep", "need"}, where
            if key == "need":
                assert value in NEED_VALUES, where
            else:
                preps = value.split("|")
                assert all(p.isalpha() and p.islower() for p in preps), where


@pytest.mark.parametrize("lang", LANGS)
def test_no_pattern_twice(lang: str) -> None:
    """Matching ignores case, so "Treffen" and "treffen" would be one pattern listed twice."""
    seen: dict[str, int] = {}
    for e in entries(lang):
        key = e.pattern.lower()
        assert key not in seen, f"{lang}:{e.line} {e.pattern!r} repeats line {seen[key]}"
        seen[key] = e.line


@pytest.mark.parametrize("lang", LANGS)
def test_every_type_is_covered(lang: str) -> None:
    """Each of the 16 PLOVER types has at least a dozen triggers."""
    types = cameo_types()
    assert len(entries(lang)) >= MIN_ENTRIES
    counts = {t: 0 for t in PLOVER_TYPES}
    for e in entries(lang):
        kind = types.get(e.code, "")
        if kind in counts:
            counts[kind] += 1
    thin = {t: n for t, n in counts.items() if n < MIN_PER_TYPE}
    assert not thin, f"{lang}: types with fewer than {MIN_PER_TYPE} triggers: {thin}"


@pytest.mark.parametrize("lang", LANGS)
def test_reporting_verbs_are_not_plain_triggers(lang: str) -> None:
    """A reporting verb ("sagen", "warn") is a trigger only with a need= condition."""
    reporting = {w.lower() for w in cues(lang)["reporting_lemmas"]}
    for e in entries(lang):
        if len(e.words) == 1 and e.words[0] in reporting:
            assert "need=" in e.options, f"{lang}:{e.line} {e.pattern!r} is a reporting verb"


@pytest.mark.parametrize("lang", LANGS)
def test_longer_multiword_patterns_come_first(lang: str) -> None:
    """The coder takes the first multi-word pattern that matches: "call for release" must
    stand before "call for", or it could never match."""
    seen: list[Entry] = []
    for e in entries(lang):
        if len(e.words) < 2:
            continue
        for earlier in seen:
            if earlier.words[0] == e.words[0]:
                assert not set(earlier.words[1:]) <= set(e.words[1:]), (
                    f"{lang}:{e.line} {e.pattern!r} is shadowed by line {earlier.line}"
                )
        seen.append(e)


# (inflected form, lemma simplemma must give, lexicon pattern it reaches). For German
# separable verbs the finite form gives the base verb; the coder adds the particle.
DE_FORMS = [
    ("warnte", "warnen", "warnen"),
    ("griff", "greifen", "angreifen"),
    ("angegriffen", "angreifen", "angreifen"),
    ("wies", "weisen", "zurückweisen"),
    ("zurückgewiesen", "zurückweisen", "zurückweisen"),
    ("nahm", "nehmen", "festnehmen"),
    ("festgenommen", "festnehmen", "festnehmen"),
    ("verhaftete", "verhaften", "verhaften"),
    ("abgeschoben", "abschieben", "abschieben"),
    ("ausgewiesen", "ausweisen", "ausweisen"),
    ("zog", "ziehen", "zusammenziehen"),
    ("zusammengezogen", "zusammenziehen", "zusammenziehen"),
    ("stationiert", "stationieren", "stationieren"),
    ("lieferte", "liefern", "liefern"),
    ("vereinbarten", "vereinbaren", "vereinbaren"),
    ("einigten", "einigen", "einigen sich"),
    ("unterzeichnete", "unterzeichnen", "unterzeichnen"),
    ("zugesagt", "zusagen", "zusagen"),
    ("drohte", "drohen", "drohen"),
    ("forderte", "fordern", "fordern"),
    ("aufgefordert", "auffordern", "auffordern"),
    ("rief", "rufen", "aufrufen"),
    ("kritisierte", "kritisieren", "kritisieren"),
    ("verurteilte", "verurteilen", "verurteilen"),
    ("vorgeworfen", "vorwerfen", "vorwerfen"),
    ("beschuldigte", "beschuldigen", "beschuldigen"),
    ("lehnte", "lehnen", "ablehnen"),
    ("dementierte", "dementieren", "dementieren"),
    ("bestritt", "bestreiten", "bestreiten"),
    ("zurückgetreten", "zurücktreten", "zurücktreten"),
    ("freigelassen", "freilassen", "freilassen"),
    ("unterstützte", "unterstützen", "unterstützen"),
    ("telefonierte", "telefonieren", "telefonieren"),
    ("empfing", "empfangen", "empfangen"),
    ("verhandelten", "verhandeln", "verhandeln"),
    ("mobilisierte", "mobilisieren", "mobilisieren"),
    ("bombardierte", "bombardieren", "bombardieren"),
    ("getötet", "töten", "töten"),
    ("annektierte", "annektieren", "annektieren"),
    ("Sanktionen", "Sanktion", "Sanktion"),
    ("Gespräche", "Gespräch", "Gespräch"),
    ("Verhandlungen", "Verhandlung", "Verhandlung"),
    ("Festnahmen", "Festnahme", "Festnahme"),
    ("Vorwürfe", "Vorwurf", "Vorwurf"),
    ("Zugeständnisse", "Zugeständnis", "Zugeständnis"),
    ("untersagten", "untersagen", "untersagen"),
    ("ermahnte", "ermahnen", "ermahnen"),
    ("verstaatlichte", "verstaatlichen", "verstaatlichen"),
    ("ausgezahlt", "auszahlen", "auszahlen"),
    ("zahlte", "zahlen", "auszahlen"),
    ("aufgenommen", "aufnehmen", "aufnehmen *flüchtling"),
    ("niedergelegt", "niederlegen", "niederlegen Amt"),
    ("legte", "legen", "legen Amt nieder"),
    ("Sanktionspakete", "Sanktionspaket", "Sanktionspaket"),
]

EN_FORMS = [
    ("met", "meet", "meet"),
    ("talks", "talk", "talk"),
    ("warned", "warn", "warn"),
    ("threatened", "threaten", "threaten"),
    ("urged", "urge", "urge"),
    ("demanded", "demand", "demand"),
    ("arrested", "arrest", "arrest"),
    ("detained", "detain", "detain"),
    ("deported", "deport", "deport"),
    ("banned", "ban", "ban"),
    ("condemned", "condemn", "condemn"),
    ("criticised", "criticise", "criticise"),
    ("criticized", "criticize", "criticize"),
    ("accused", "accuse", "accuse"),
    ("denied", "deny", "deny"),
    ("rejected", "reject", "reject"),
    ("vetoed", "veto", "veto"),
    ("withdrew", "withdraw", "withdraw"),
    ("resigned", "resign", "resign"),
    ("agreed", "agree", "agree"),
    ("signed", "sign", "sign"),
    ("pledged", "pledge", "pledge"),
    ("visited", "visit", "visit"),
    ("hosted", "host", "host"),
    ("negotiated", "negotiate", "negotiate"),
    ("praised", "praise", "praise"),
    ("thanked", "thanke", "thanke"),
    ("invaded", "invade", "invade"),
    ("shelled", "shell", "shell"),
    ("killed", "kill", "kill"),
    ("expelled", "expel", "expel"),
    ("deployed", "deploy", "deploy"),
    ("extradited", "extradite", "extradite"),
    ("sued", "sue", "sue"),
    ("airstrikes", "airstrike", "airstrike"),
    ("protests", "protest", "protest"),
    ("riots", "riot", "riot"),
    ("concessions", "concession", "concession"),
    ("test-fired", "testfire", "testfire"),
    ("nationalised", "nationalise", "nationalise"),
    ("disbursed", "disburse", "disburse"),
    ("shelved", "shelve", "shelve plan"),
    ("bused", "bus", "bus migrant"),
    ("bussed", "buss", "buss migrant"),
    # simplemma keeps "left" and "broke": the patterns are written with those forms
    ("left", "left", "left base"),
    ("broke", "broke", "broke off"),
]


def _check_form(lang: str, form: str, lemma: str, pattern: str) -> None:
    """The form lemmatises as expected and that lemma reaches the lexicon pattern."""
    assert simplemma.lemmatize(form, lang=lang) == lemma
    assert pattern.lower() in patterns(lang), f"{pattern!r} missing from the {lang} lexicon"
    anchor = pattern.lower().split()[0]
    if anchor == lemma.lower():
        return
    particle = anchor[: -len(lemma)] if anchor.endswith(lemma.lower()) else None
    assert particle in set(cues(lang)["separable_particles"]), (
        f"{form!r} -> {lemma!r} does not reach {pattern!r}"
    )


@pytest.mark.parametrize(("form", "lemma", "pattern"), DE_FORMS)
def test_german_forms_reach_their_lemma(form: str, lemma: str, pattern: str) -> None:
    """German patterns are what simplemma returns (separable verbs: base + particle)."""
    _check_form("de", form, lemma, pattern)


@pytest.mark.parametrize(("form", "lemma", "pattern"), EN_FORMS)
def test_english_forms_reach_their_lemma(form: str, lemma: str, pattern: str) -> None:
    """English patterns are what simplemma returns for inflected forms."""
    _check_form("en", form, lemma, pattern)


@pytest.mark.parametrize(
    ("compound", "head"),
    [("Drohnenangriffe", "angriff"), ("Waffenlieferungen", "lieferung"),
     ("Friedensgespräche", "gespräch"), ("Massenproteste", "protest"),
     ("Generalstreiks", "streik"), ("Raketenangriffen", "angriff"), ("Waffenembargos", "embargo"),
     ("Massenabschiebungen", "abschiebung"), ("Schutzzölle", "zoll"), ("Großdemos", "demo"),
     ("Polizeirazzien", "razzia")],
)
def test_compound_heads_match_lemmas(compound: str, head: str) -> None:
    """A German compound's lemma ends in a listed head, so "*head" finds it."""
    assert f"*{head}" in patterns("de")
    lemma = simplemma.lemmatize(compound, lang="de").lower()
    assert lemma.endswith(head) and lemma != head


@pytest.mark.parametrize("lang", LANGS)
def test_coder_compiles_the_lexicon(lang: str) -> None:
    """The coder's own loader accepts every line."""
    from lagebild.triggers import load_triggers

    lex = load_triggers(lang)
    compiled = len(lex.single) + len(lex.suffixes) + sum(len(v) for v in lex.multi.values())
    assert compiled == len(entries(lang))
