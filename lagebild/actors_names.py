"""Names the knowledge does not hold: a capitalised name after a role noun is that person.

"Außenminister Max Mustermann", "President Gustavo Petro", "the activist Loujain
al-Hathloul": `name_after_role` finds the name's extent with rules that keep German common
nouns out ("weil der Präsident Waffen liefert"). `role_in_past` tells "former president" from
"president", so that a role named in the text only applies when it is current.
"""

from __future__ import annotations

import re

#: role keys that name one person, so a capitalised name after them is that person's
PERSON_ROLES = frozenset(
    "president head_of_state vice_president prime_minister chancellor vice_chancellor "
    "head_of_government king crown_prince supreme_leader leader minister secretary_general "
    "foreign_minister deputy_foreign_minister defence_minister interior_minister "
    "finance_minister economy_minister justice_minister health_minister security_adviser "
    "spokesperson official diplomat ambassador negotiator general commander military_chief "
    "officer judge prosecutor legislator speaker opposition_leader opposition journalists "
    "activists clergy doctors group_leader lawyer mayor governor envoy".split()
)
#: capitalised words that start no personal name after a role noun
_NOT_NAMES = frozenset(
    "der die das den dem des ein eine einen einem einer und oder aber am im in an auf aus bei "
    "mit nach von vor zu zum zur für über unter gegen seit sie er es ihr wir ich man dies "
    "diese dieser dieses jetzt nun heute gestern morgen auch noch ende anfang mitte "
    "the a an and or but on in at of for to from by with as he she it they we i you his her "
    "their its this that these those there here then when while after before today "
    "yesterday tomorrow also said says has had was is will would mr mrs ms dr herr frau "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend "
    "monday tuesday wednesday thursday friday saturday sunday "
    "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember january february march june july october december".split()
)
#: German words before a role noun that make a following lone capitalised word a noun
_DE_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines sein seine seinen seinem "
    "seiner ihr ihre ihren ihrem ihrer dessen deren jeder jede jeden dieser diese diesen "
    "diesem neue neuen neuer amtierende amtierenden".split()
)
#: German common-noun endings: a capitalised word ending so is no name
_NOUN_ENDINGS_DE = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "sion",
    "tät",
    "ismus",
    "nis",
    "chen",
    "lein",
    "ium",
    "ungen",
    "ionen",
    "ismen",
)
_NAME_WORD = re.compile(r"(?:(?:al|el|ad|ar|as|ash|at|an|ed|ul)-)?([^\W\d_])[\w'’.-]*")
#: words that put a role noun in the past ("former president", "Ex-Kanzler")
_FORMER = re.compile(
    r"\b(?:former|ex|late|then|onetime|one-time|ehemalig\w*|früher\w*|einstig\w*|damalig\w*|"
    r"verstorben\w*)\b|\b(?:Ex|Alt)-|\b(?:Alt|Ex)(?:bundes)?(?:kanzler|präsident|premier)",
    re.IGNORECASE,
)
_PARTICLE = re.compile(
    r"(?:al|el|bin|ben|ibn|abu|de|da|di|do|dos|das|du|del|della|van|von|der|den|ter|le|la|zu)\s"
)


def role_in_past(text: str, start: int, end: int) -> bool:
    """Whether the role noun at text[start:end] is marked as past ("former", "Ex-", "Alt-")."""
    return _FORMER.search(text[max(0, start - 24) : end]) is not None


def name_after_role(
    text: str, lang: str, role_start: int, role_end: int, limit: int
) -> tuple[int, int] | None:
    """The span of the personal name right after a role noun, or None.

    Up to five capitalised words, with particles between them ("Erika von der Heide"); a name
    running into `limit` (the next known actor) is left to that actor. A single German word
    counts only where it cannot be a common noun (see `_lone_name_ok`).
    """
    head = text[role_start:role_end].split()[-1]
    if lang == "de" and head.lower().endswith("innen"):
        return None  # a plural: "Ministerinnen"
    words: list[tuple[int, int]] = []
    pos = role_end
    while len(words) < 5:
        space = re.match(r"[ \t]+", text[pos:])
        if space is None:
            break
        start = pos + space.end()
        word = _NAME_WORD.match(text, start)
        capitalised = word is not None and word.group(1).isupper()
        particle = _PARTICLE.match(text, start) if not capitalised and words else None
        if particle is not None:
            pos = particle.end() - 1  # before the space that ends it
            continue
        if word is None or not capitalised:
            break
        token = word.group(0).rstrip(".'’-")
        if not _name_word(token, lang):
            break
        end = start + len(token)
        if end > limit:
            return None  # a known actor is part of it
        words.append((start, end))
        pos = end
    if not words:
        return None
    if lang == "de" and len(words) == 1 and not _lone_name_ok(text, role_start, words[0][1]):
        return None
    return words[0][0], words[-1][1]


def _lone_name_ok(text: str, role_start: int, end: int) -> bool:
    """A single German word after a role is a name only without an article before the role or
    with punctuation after it: "Präsident Petro sagte", "der Präsident Petro," but not "weil
    der Präsident Waffen liefert"."""
    if re.match(r"\s*[,;:.!?)\"“”»«]", text[end : end + 3]):
        return True
    before = text[max(0, role_start - 12) : role_start].split()
    return not before or before[-1].lower().rstrip(",") not in _DE_DETERMINERS


def _name_word(token: str, lang: str) -> bool:
    """Whether a capitalised word can be part of a personal name."""
    low = token.lower()
    if len(token) < 2 or low in _NOT_NAMES or (token.isupper() and len(token) > 1):
        return False
    return not (lang == "de" and low.endswith(_NOUN_ENDINGS_DE))
