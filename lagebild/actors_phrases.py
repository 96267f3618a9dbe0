"""Actor phrases: join the aliases found in a text into mentions and resolve them as of a date.

`lagebild.actors.Gazetteer.find` finds the aliases (`Hit`); `PhraseAssembler` joins neighbours
into phrases ("der russische Außenminister" RUSGOV, "US-Präsident Joe Biden", "Iraq's Prime
Minister Adel Abdul Mahdi", "government spokesman", "Außenminister Max Mustermann" for a
name not in the knowledge), resolves people through their dated roles and bare role nouns
("der Außenminister") to the person last named with that role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lagebild.actors_lexicon import NAME_KINDS, Pattern
from lagebild.actors_names import PERSON_ROLES, name_after_role, role_in_past
from lagebild.knowledge import Entry
from lagebild.schema import Actor, Mention

#: role nouns that take their sector from the body before them ("Pentagon officials")
_GENERIC_ROLES = frozenset({"official", "spokesperson", "leader", "negotiator", "commander"})
#: words between a role noun and the state or capital it sits in ("die Führung in Teheran")
SEAT_LINKS = frozenset({"in"})
#: bare role nouns that may refer back to a person with one of these roles
_COREF_ROLES = {
    "head_of_government": {"prime_minister", "chancellor", "head_of_government"},
    "head_of_state": {"president", "king", "head_of_state", "supreme_leader"},
    "prime_minister": {"prime_minister", "head_of_government"},
    "chancellor": {"chancellor"},
    "president": {"president"},
    "foreign_minister": {"foreign_minister"},
    "defence_minister": {"defence_minister"},
    "secretary_general": {"secretary_general"},
    "spokesperson": {"spokesperson"},
}
#: English words after a demonym that show it is used as a noun ("the Chinese said")
_EN_NON_NOUNS = frozenset(
    "said say says have has had are were was is will would could can may might should must "
    "and or who which that to in on at of for from with by as also did do does not".split()
)
#: roles that only say who someone works for; a role noun before them gives the sector
_EN_CHAIN_HEADS = frozenset(
    {"official", "spokesperson", "leader", "negotiator", "commander", "officer", "diplomat"}
)
_CONJ = re.compile(r"\s*(?:,|und|and|oder|or|sowie)\s*", re.IGNORECASE)
_OF = {"de": re.compile(r"\s+(?:der|des)\s+"), "en": re.compile(r"\s+of(?:\s+the)?\s+")}
_GENITIVE_EN = ("'s ", "\u2019s ", "' ", "\u2019 ")


@dataclass(slots=True)
class Hit:
    """One alias found in the text, after boundary checks."""

    start: int
    end: int
    pattern: Pattern
    alts: tuple[Pattern, ...]
    tail: str
    inner: bool
    modifier: Pattern | None = None


@dataclass(slots=True)
class _Phrase:
    """A mention under construction."""

    start: int
    end: int
    kind: str
    entry: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    attributive: bool = False


class PhraseAssembler:
    """Joins hits into phrases and resolves them; one per `find` call."""

    def __init__(self, text: str, lang: str, when: date | None) -> None:
        self.text = text
        self.lang = lang
        self.when = when
        #: people named so far: (role key, country, org, phrase) for coreference
        self.people: list[_Phrase] = []
        #: whether the last role chain ended in a noun that names an actor by itself
        self.chained_bare = False

    def gap(self, a: Hit | _Phrase, b: Hit) -> str:
        """The text between two hits."""
        return self.text[a.end : b.start]

    def run(self, hits: list[Hit]) -> list[Mention]:
        """Every mention of the text, in order."""
        out: list[_Phrase] = []
        i = 0
        while i < len(hits):
            hit = hits[i]
            kind = hit.pattern.kind
            if _is_modifier(hit):
                i = self._from_modifier(hits, i, out)
            elif kind in ("role", "title"):
                i = self._from_role(hits, i, out)
            elif kind == "person":
                person = self._person(hit, hit.start)
                nxt = hits[i + 1] if i + 1 < len(hits) else None
                if (
                    nxt is not None
                    and nxt.pattern.role == "government"
                    and (self.gap(hit, nxt) == "-" or (self.lang == "en" and self._space(hit, nxt)))
                ):
                    # "the Biden administration", "die Putin-Regierung"
                    person = _Phrase(
                        hit.start,
                        nxt.end,
                        "role",
                        f"{person.entry}+role:{nxt.pattern.alias}",
                        country=_entry(hit).country,
                        sector=nxt.pattern.sector,
                        role=nxt.pattern.role,
                    )
                    i += 1
                out.append(person)
                i += 1
            else:  # demonym noun
                out.append(
                    _Phrase(
                        hit.start,
                        hit.end,
                        "demonym",
                        hit.pattern.country or "",
                        country=hit.pattern.country,
                    )
                )
                i += 1
        return [self._mention(p) for p in out]

    # --- phrases -------------------------------------------------------------------------
    def _from_modifier(self, hits: list[Hit], i: int, out: list[_Phrase]) -> int:
        last = i
        while (
            last + 1 < len(hits)
            and _is_modifier(hits[last + 1])
            and _CONJ.fullmatch(self.gap(hits[last], hits[last + 1]))
        ):
            last += 1
        head = hits[last + 1] if last + 1 < len(hits) else None
        if head is not None and head.pattern.kind == "role" and self._joins(hits[last], head):
            for k in range(i, last):  # "russische und amerikanische Außenminister"
                out.append(self._modified(hits[k], head, hits[k].end))
            phrase = self._modified(hits[last], head, head.end)
            return self._attach_person(hits, self._chain_roles(hits, last + 2, phrase), phrase, out)
        hit = hits[i]
        phrase = self._named(hit)
        if hit.pattern.kind == "demonym_adj":
            self._demonym_use(hit, phrase)
        elif (
            self.text[hit.end : hit.end + 1] == "-"
            and self.text[hit.end + 1 : hit.end + 2].isalpha()
        ):
            phrase.attributive = True  # "NATO-Grenzen", "US-Sanktionen"
        if hit.pattern.kind in NAME_KINDS and _entry(hit).office:
            return self._attach_person(hits, i + 1, phrase, out)
        out.append(phrase)
        return i + 1

    def _from_role(self, hits: list[Hit], i: int, out: list[_Phrase]) -> int:
        hit = hits[i]
        pattern = hit.pattern
        phrase = _Phrase(
            hit.start,
            hit.end,
            "role",
            f"role:{pattern.alias}",
            sector=pattern.sector,
            role=pattern.role,
        )
        modifier = hit.modifier
        if hit.inner and modifier is None and pattern.role in _GENERIC_ROLES:
            return i + 1  # "Lautsprecher", "Reiseführer": not an actor without a body
        if modifier is not None:  # closed compound: "Kremlsprecher", "Polizeisprecher"
            if modifier.kind in NAME_KINDS:
                self._apply_modifier(phrase, _entry_of(modifier), pattern)
            elif modifier.kind == "role" and pattern.role in _GENERIC_ROLES:
                phrase.sector = modifier.sector
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        consumed = i + 1
        if (
            phrase.country is None
            and phrase.org is None
            and nxt is not None
            and nxt.pattern.kind in ("country", "org", "metonym", "group")
            and (
                _OF[self.lang].fullmatch(self.gap(hit, nxt))
                or (self.lang == "de" and nxt.tail == "s" and self.gap(hit, nxt) == " ")
            )
        ):
            # "der Außenminister Russlands", "Präsident der Ukraine", "president of Ukraine"
            self._apply_modifier(phrase, _entry(nxt), pattern)
            phrase.end = nxt.end
            consumed = i + 2
        if pattern.kind == "title":
            phrase.kind = "title"
        elif (
            self.lang == "en"
            and self.text[phrase.end : phrase.end + 1] == "-"
            and self.text[phrase.end + 1 : phrase.end + 2].isalpha()
        ):
            phrase.attributive = True  # "student-led protests", "government-backed"
        consumed = self._chain_roles(hits, consumed, phrase)
        if (
            pattern.adjective
            and phrase.end == hit.end
            and phrase.country is None
            and phrase.org is None
            and self._before_noun(phrase.end)
        ):
            return consumed  # "an official visit", "military exercises"
        bare = (
            pattern.bare
            or self.chained_bare
            or phrase.country is not None
            or phrase.org is not None
        )
        return self._attach_person(hits, consumed, phrase, out, bare)

    def _attach_person(
        self, hits: list[Hit], i: int, phrase: _Phrase, out: list[_Phrase], bare: bool = True
    ) -> int:
        nxt = hits[i] if i < len(hits) else None
        if nxt is not None and nxt.pattern.kind == "person" and self._space(phrase, nxt):
            person = self._person(nxt, phrase.start)
            if (
                person.sector is None
                and phrase.kind == "role"
                and phrase.sector
                and not role_in_past(self.text, phrase.start, phrase.end)
            ):
                # no dated role on this day, but the text names one: "General Soleimani"
                # on the day he was killed, "Prime Minister Hasina" the day she resigned
                person.sector, person.role = phrase.sector, phrase.role
            out.append(person)
            return i + 1
        if phrase.kind == "title":
            return i  # "Herr" with no known name after it names nobody
        if phrase.kind == "role" and self._unknown_name(phrase, nxt):
            self.people.append(phrase)
            out.append(phrase)
            return i
        if phrase.kind == "role" and phrase.country is None and phrase.org is None:
            if not self._resolve_back(phrase) and not bare and not self._seated(phrase, nxt):
                return i
        elif phrase.kind == "role":
            self._resolve_back(phrase, same_body=True)
        out.append(phrase)
        return i

    def _seated(self, phrase: _Phrase, nxt: Hit | None) -> bool:
        """Whether a state or capital names the seat of the role right after it ("die
        Führung in Teheran"), which the coder then gives the role."""
        return (
            nxt is not None
            and nxt.pattern.kind in ("country", "metonym")
            and self.gap(phrase, nxt).strip().lower() in SEAT_LINKS
        )

    def _chain_roles(self, hits: list[Hit], i: int, phrase: _Phrase) -> int:
        """Join English noun-noun roles: "government spokesman", "dissident journalist"."""
        self.chained_bare = False
        while (
            self.lang == "en"
            and i < len(hits)
            and hits[i].pattern.kind == "role"
            and self.gap(phrase, hits[i]) == " "
            and not hits[i].inner
        ):
            head = hits[i].pattern
            if head.role not in _EN_CHAIN_HEADS and head.sector == "MIL":
                phrase.sector = head.sector  # "government troops" are the military
            elif head.role == "government":
                phrase.sector = head.sector  # "military government" governs
            elif head.role not in _EN_CHAIN_HEADS and phrase.sector is None:
                phrase.sector = head.sector
            phrase.role = head.role
            phrase.entry = f"{phrase.entry}+role:{head.alias}"
            phrase.end = hits[i].end
            self.chained_bare = self.chained_bare or head.bare
            i += 1
        return i

    def _unknown_name(self, phrase: _Phrase, nxt: Hit | None) -> bool:
        """Extend a role noun over the unknown name after it ("Außenminister Max Mustermann")."""
        if phrase.role not in PERSON_ROLES:
            return False
        limit = nxt.start if nxt is not None else len(self.text)
        span = name_after_role(self.text, self.lang, phrase.start, phrase.end, limit)
        if span is None:
            return False
        phrase.end = span[1]
        phrase.kind = "person"
        phrase.name = self.text[span[0] : span[1]]
        phrase.entry = f"{phrase.entry}+name"
        return True

    def _modified(self, mod: Hit, head: Hit, end: int) -> _Phrase:
        """A modifier joined with the role noun after it: "russische Truppen" -> RUSMIL."""
        phrase = _Phrase(
            mod.start,
            end,
            "role",
            f"{_entry_id(mod)}+role:{head.pattern.alias}",
            sector=head.pattern.sector,
            role=head.pattern.role,
        )
        if mod.pattern.kind == "demonym_adj":
            phrase.country = mod.pattern.country
        else:
            self._apply_modifier(phrase, _entry(mod), head.pattern)
        return phrase

    @staticmethod
    def _apply_modifier(phrase: _Phrase, entry: Entry, role: Pattern) -> None:
        phrase.country, phrase.org = entry.country, entry.org
        if (
            entry.sector
            and entry.sector != "IGO"
            and (role.role in _GENERIC_ROLES or (entry.sector == "REB" and role.sector == "GOV"))
        ):
            phrase.sector = entry.sector

    def _joins(self, mod: Hit, head: Hit) -> bool:
        """Whether a modifier and the role noun after it form one phrase."""
        gap = self.gap(mod, head)
        if gap == "-" and mod.pattern.kind != "demonym_noun":
            return True
        if mod.pattern.kind == "demonym_adj":
            return self._space(mod, head)
        if mod.pattern.kind == "demonym_noun" or mod.pattern.kind not in NAME_KINDS:
            return False
        if self.lang == "de":
            return mod.tail == "s" and gap == " "  # "Russlands Außenminister"
        return gap == " " or gap in _GENITIVE_EN  # "US officials", "Russia's foreign minister"

    def _space(self, a: Hit | _Phrase, b: Hit) -> bool:
        gap = self.gap(a, b)
        return bool(gap) and gap.isspace() and "\n" not in gap

    def _before_noun(self, end: int) -> bool:
        """Whether a lower-case word that is not a verb or function word follows (English)."""
        m = re.match(r"\s+([a-z][\w-]*)", self.text[end : end + 40])
        return m is not None and m.group(1) not in _EN_NON_NOUNS and not m.group(1).endswith("ed")

    def _demonym_use(self, hit: Hit, phrase: _Phrase) -> None:
        """Decide whether a lone demonym adjective is attributive or names the people."""
        rest = self.text[hit.end : hit.end + 40]
        m = re.match(r"\s+([^\W\d_][\w-]*)", rest)
        noun_alt = next((p for p in hit.alts if p.kind == "demonym_noun"), None)
        if rest[:1] == "-" and rest[1:2].isalpha():
            phrase.attributive = True  # "deutsch-französische", "Russian-backed"
        elif m is None:
            phrase.attributive = False
        elif self.lang == "de":
            phrase.attributive = not (noun_alt and not m.group(1)[0].isupper())
        else:
            word = m.group(1).lower()
            phrase.attributive = not (word in _EN_NON_NOUNS or word.endswith("ed"))
        if not phrase.attributive:
            phrase.kind = "demonym"

    # --- resolution ----------------------------------------------------------------------
    def _named(self, hit: Hit) -> _Phrase:
        pattern = hit.pattern
        if pattern.kind == "demonym_adj":
            return _Phrase(
                hit.start,
                hit.end,
                "demonym",
                pattern.country or "",
                country=pattern.country,
                attributive=True,
            )
        entry = _entry(hit)
        named = entry.name if entry.kind in ("org", "group", "institution") else None
        return _Phrase(
            hit.start,
            hit.end,
            entry.kind,
            entry.id,
            country=entry.country,
            org=entry.org,
            sector=entry.sector,
            name=named,
        )

    def _person(self, hit: Hit, start: int) -> _Phrase:
        entry = _choose_person(
            hit.pattern.entries
            + tuple(e for p in hit.alts if p.kind == "person" for e in p.entries),
            self.when,
        )
        role = entry.role_at(self.when)
        phrase = _Phrase(start, hit.end, "person", entry.id, name=entry.name)
        if role is not None:
            phrase.country, phrase.org, phrase.sector, phrase.role = (
                role.country,
                role.org,
                role.sector,
                role.role,
            )
        else:
            phrase.country = entry.country
        self.people.append(phrase)
        return phrase

    def _resolve_back(self, phrase: _Phrase, same_body: bool = False) -> bool:
        """Resolve a role noun to the person last named with that role ("der Außenminister")."""
        wanted = _COREF_ROLES.get(phrase.role or "")
        if not wanted:
            return False
        for person in reversed(self.people):
            if person.role not in wanted:
                continue
            if same_body and (person.country, person.org) != (phrase.country, phrase.org):
                continue
            phrase.country, phrase.org, phrase.sector = person.country, person.org, person.sector
            phrase.name, phrase.role = person.name, person.role
            return True
        return False

    def _mention(self, phrase: _Phrase) -> Mention:
        words = self.text[phrase.start : phrase.end]
        actor = Actor(
            text=words,
            name=phrase.name,
            country=phrase.country,
            org=phrase.org,
            sector=phrase.sector,
        )
        return Mention(
            phrase.start,
            phrase.end,
            words,
            actor,
            phrase.kind,
            phrase.entry,
            phrase.role,
            phrase.attributive,
        )


def _is_modifier(hit: Hit) -> bool:
    return hit.pattern.kind == "demonym_adj" or hit.pattern.kind in NAME_KINDS


def _entry(hit: Hit) -> Entry:
    return hit.pattern.entries[0]


def _entry_of(pattern: Pattern) -> Entry:
    return pattern.entries[0]


def _entry_id(hit: Hit) -> str:
    if hit.pattern.kind == "demonym_adj":
        return hit.pattern.country or ""
    return _entry(hit).id


def _choose_person(entries: tuple[Entry, ...], when: date | None) -> Entry:
    """Of namesakes, the one holding a role on `when`, else the one whose last role is latest."""
    if len(entries) == 1:
        return entries[0]
    active = [e for e in entries if e.role_at(when) is not None]
    pool = active if (active and when is not None) else list(entries)
    return max(
        pool,
        key=lambda e: (
            (r := e.last_role_before(when)) is not None,
            r.start or date.min if r else date.min,
        ),
    )
