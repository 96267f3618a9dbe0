"""The user's example article: the events it must yield, and none from its promo blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.pipeline import ExtractOptions, Pipeline
from lagebild.schema import Article

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0676fddd96149b3e.txt"

# (type, source key, target key); None as target means "any or none"
REQUIRED = [
    ("CONSULT", "RUS", "USA"),
    ("CONSULT", "USA", "JPN"),
    ("MOBILIZE", "RUS", "UKR"),
    ("SUPPORT", "JPN", "USA"),
    ("AGREE", "USA", "JPN"),
    ("THREATEN", "USA", "RUS"),
    ("REQUEST", "RUS", "NATO"),
    ("REJECT", "RUS", None),
]
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
PROMO_WORDS = ["Royal Navy", "Rishi Sunak", "Brexit", "Stör", "source site", "Leave a Reply"]


@pytest.fixture(scope="module")
def seed_events() -> list[dict]:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (CI and developers have ../shared)")
    article = Article(id="seed", text=SEED.read_text(encoding="utf-8"))
    coded = Pipeline(ExtractOptions(default_date=date(2022, 1, 22))).process(article)
    assert coded.article.language == "de"
    return [e.to_record() for e in coded.events]


def _key(actor: dict | None) -> str | None:
    return (actor.get("country") or actor.get("org")) if actor else None


def _found(events: list[dict], typ: str, src: str, tgt: str | None) -> bool:
    for e in events:
        if e["type"] != typ or e["negated"] or e["hypothetical"]:
            continue
        s, t = _key(e["source"]), _key(e["target"])
        if tgt is None and s == src:
            return True
        if (s, t) == (src, tgt) or (typ in SYMMETRIC and (t, s) == (src, tgt)):
            return True
    return False


@pytest.mark.parametrize("typ,src,tgt", REQUIRED)
def test_seed_required_event(seed_events: list[dict], typ: str, src: str, tgt: str | None) -> None:
    assert _found(seed_events, typ, src, tgt), f"missing {typ} {src}->{tgt}; got: " + "; ".join(
        f"{e['type']} {_key(e['source'])}->{_key(e['target'])} [{e['trigger']}]"
        for e in seed_events
    )


def test_seed_no_event_from_promo_blocks(seed_events: list[dict]) -> None:
    for e in seed_events:
        for word in PROMO_WORDS:
            assert word not in e["sentence"], f"event from promo text: {e['sentence']}"


def test_seed_relative_dates(seed_events: list[dict]) -> None:
    by_trigger = {e["trigger"].split(" ")[0]: e for e in seed_events}
    rejects = [e for e in seed_events if e["type"] == "REJECT" and _key(e["source"]) == "RUS"]
    assert rejects and rejects[0]["date"] == "2022-01-21"  # "am Freitag" before Sat 22 Jan
    assert all(e["date"] for e in seed_events)
    del by_trigger
