"""CAMEO codes with their Goldstein values and PLOVER type, mode and context.

Compiled from the CAMEO codebook and the CAMEO->PLOVER table by tools/gen_cameo.py
into lagebild/data/cameo.tsv, with lagebild's own deviations applied (see NOTICE).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lagebild.errors import DataError

CAMEO_FILE = Path(__file__).parent / "data" / "cameo.tsv"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
)
#: types whose source and target may be swapped when matching (joint acts)
SYMMETRIC_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})

#: CAMEO codes of making a visit and of hosting one: a visit happens at the host's place
VISIT_CODE, HOST_VISIT_CODE = "042", "043"
VISIT_CODES = frozenset({VISIT_CODE, HOST_VISIT_CODE})
#: CAMEO code of mediation: the mediator consults each party, where that party sits
MEDIATE_CODE = "045"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code and what it maps to."""

    code: str
    name: str
    goldstein: float
    plover: str | None
    quad_class: int | None
    mode: str | None
    context: str | None


@cache
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code by its string code ("042", "1312")."""
    table: dict[str, CameoCode] = {}
    for no, raw in enumerate(CAMEO_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not raw or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != 7:
            raise DataError("expected 7 tab-separated fields", str(CAMEO_FILE), no)
        code, name, gold, plover, quad, mode, context = cells
        table[code] = CameoCode(
            code=code,
            name=name,
            goldstein=float(gold),
            plover=plover or None,
            quad_class=int(quad) if quad else None,
            mode=mode or None,
            context=context or None,
        )
    return table


def lookup_cameo(code: str) -> CameoCode:
    """The CameoCode for `code`; raises KeyError for an unknown code."""
    return cameo_table()[code]


#: acts that are always aimed at someone: without a target they are not coded
DYADIC_TYPES = frozenset(
    {"ACCUSE", "AGREE", "AID", "ASSAULT", "CONSULT", "COOPERATE", "SANCTION", "SUPPORT"}
)
