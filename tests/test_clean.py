"""Cleaning: promo blocks, teaser lines, scraped lines and title suffixes go; paragraphs stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.clean import clean_text, load_markers, strip_title_suffix
from lagebild.lang import available_languages, get_pack

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_0676fddd96149b3e.txt"


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks of a text, stripped."""
    return [block.strip() for block in text.split("\n\n") if block.strip()]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article {SEED} is not in this checkout (it lives in the shared folder)")
    return SEED.read_text(encoding="utf-8")


def test_seed_promo_blocks_and_trailer_are_removed(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    for junk in ("WEITERLESEN", "NICHT VERPASSEN", "Royal Navy", "Rishi Sunak",
                 "Brexit-Großbritannien", "Stör", "source site", "Leave a Reply", "| Welt"):
        assert junk not in cleaned, junk


def test_seed_every_real_paragraph_survives(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    junk_markers = ("WEITERLESEN", "NICHT VERPASSEN", "source site", "Leave a Reply")
    real = [p for p in paragraphs(seed_text) if not p.startswith(junk_markers)]
    kept = paragraphs(cleaned)
    assert len(real) >= 25
    # the title paragraph loses its suffix; every other real paragraph is kept verbatim
    assert kept[0] == real[0].split(" | ")[0]
    assert kept[1:] == real[1:]


def test_plain_text_promo_block_ends_at_first_real_paragraph_line() -> None:
    text = (
        "Erster Absatz mit echtem Inhalt.\n\n"
        "READ MORE:\n"
        "Putin sends three warships through the Channel\n"
        "The second paragraph follows without a blank line and ends with a full stop.\n"
    )
    cleaned = clean_text(text)
    assert "READ MORE" not in cleaned
    assert "warships" not in cleaned
    assert "The second paragraph follows" in cleaned


def test_html_style_promo_heading_takes_following_headline_paragraphs() -> None:
    text = (
        "Der Minister sagte am Montag, die Gespräche gingen weiter.\n\n"
        "Mehr zum Thema\n\n"
        "Biden telefoniert mit Selenskyj\n\n"
        "Neue Sanktionen gegen Moskau geplant\n\n"
        "Die Verhandlungen sollen am Dienstag in Genf fortgesetzt werden.\n"
    )
    cleaned = clean_text(text)
    assert "Mehr zum Thema" not in cleaned
    assert "Selenskyj" not in cleaned and "Sanktionen" not in cleaned
    assert paragraphs(cleaned) == [
        "Der Minister sagte am Montag, die Gespräche gingen weiter.",
        "Die Verhandlungen sollen am Dienstag in Genf fortgesetzt werden.",
    ]


def test_inline_promo_line_removes_only_that_line() -> None:
    text = "Lesen Sie auch: Kanzler reist nach Kiew\nDie Regierung beriet am Abend.\n"
    assert clean_text(text) == "Die Regierung beriet am Abend."


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 100 people were killed in the attack, officials said.",
        "Mehr zum Thema Energie wollte der Minister nicht sagen.",
        "Subscribers to the agency's service received the statement first.",
        "Related talks in Vienna ended without an agreement.",
    ],
)
def test_sentences_that_merely_start_like_a_marker_are_kept(sentence: str) -> None:
    assert clean_text(f"Titel der Meldung\n\n{sentence}\n") == f"Titel der Meldung\n\n{sentence}"


def test_teaser_lines_are_removed_anywhere() -> None:
    text = ("Erster Absatz.\n\n[VIDEO] Moment of the explosion\n\n"
            "Zweiter Absatz.\nPoll results [POLL]\n")
    assert paragraphs(clean_text(text)) == ["Erster Absatz.", "Zweiter Absatz."]


@pytest.mark.parametrize(
    "line",
    ["Share this article", "Teilen Sie diesen Artikel", "Follow us on Twitter and Facebook",
     "Kommentar schreiben", "Subscribe to our newsletter", "Abonnieren", "Click here to read more",
     "Leave a Reply", "source site", "Anzeige"],
)
def test_scraped_lines_are_removed(line: str) -> None:
    assert clean_text(f"Ein echter Satz.\n\n{line}\n") == "Ein echter Satz."


def test_long_line_starting_with_a_prefix_marker_is_kept() -> None:
    line = ("Subscribe and you will see that the minister said many things about the "
            "talks in Geneva that were not reported elsewhere.")
    assert clean_text(line) == line


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Putin eingekreist, als Japan sich anschließt | Welt | Nachrichten",
         "Putin eingekreist, als Japan sich anschließt"),
        ("Talks fail in Geneva | World News | The Daily Example", "Talks fail in Geneva"),
        ("A | B", "A | B"),  # too short to be a headline with a suffix
        ("Scores | were 3 to 1 in the match, officials said.",
         "Scores | were 3 to 1 in the match, officials said."),
    ],
)
def test_strip_title_suffix(title: str, expected: str) -> None:
    assert strip_title_suffix(title) == expected


def test_title_suffix_is_only_stripped_on_the_first_line() -> None:
    text = "Headline of the day | World | Site\n\nThe vote was 5 | 3 | 1 in the end\n"
    assert clean_text(text) == "Headline of the day\n\nThe vote was 5 | 3 | 1 in the end"


def test_paragraph_structure_and_normalisation() -> None:
    text = "\r\n\r\nErster\u00a0Absatz.\r\n\r\n\r\n\r\nZweiter Abs\u00adatz.\u200b   \r\n\r\n"
    assert clean_text(text) == "Erster Absatz.\n\nZweiter Absatz."


def test_decomposed_umlauts_are_composed() -> None:
    assert clean_text("Mu\u0308nchen") == "München"


def test_cleaning_a_large_text_keeps_everything_real() -> None:
    paragraph = "Die Regierung in Berlin kündigte am Montag neue Hilfen für die Ukraine an."
    promo = "WEITERLESEN:\nEin Link zu einem anderen Artikel\n"
    text = "\n\n".join([paragraph, promo] * 20000)  # about 2.4 MB
    cleaned = clean_text(text)
    assert cleaned.count(paragraph) == 20000
    assert "WEITERLESEN" not in cleaned and "Link zu" not in cleaned


def test_every_pack_ships_valid_boilerplate_markers() -> None:
    markers = load_markers()
    assert markers.promo is not None and markers.teaser is not None
    for code in available_languages():
        pack = get_pack(code)
        assert pack.has("boilerplate.txt"), code
        kinds = {line.split(None, 1)[0] for _, line in pack.lines("boilerplate.txt")}
        assert kinds <= {"promo", "teaser", "line", "prefix"}, code
