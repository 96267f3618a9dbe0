"""Place gazetteer: finds cities, regions, seas and countries named in German or English text.

The coder uses it for an event's `location` and for places that are targets ("Angriff auf
Charkiw"). Data: GeoNames cities compiled by tools/gen_places.py into
knowledge/places/cities.tsv, country names from CLDR (babel) and knowledge/countries*.tsv,
and our hand-written regions.yaml, city_aliases.tsv and ambiguous.tsv.

Matching is case-sensitive on word boundaries with one Aho-Corasick automaton; overlapping
matches are resolved longest first. City names that are also everyday words or people's
names ("Essen", "Police", "Austin") only count right after a locative preposition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick
import yaml

from lagebild.errors import DataError

PLACES_DIR = Path(__file__).parent / "knowledge" / "places"
KNOWLEDGE_DIR = Path(__file__).parent / "knowledge"

#: prepositions after which a word-like city name is read as a place ("in Essen")
LOCATIVE_CUES: dict[str, frozenset[str]] = {
    "de": frozenset({"in", "nach", "aus", "bei", "von", "nahe", "über", "vor"}),
    "en": frozenset({"in", "from", "near", "to", "outside", "at", "around", "into"}),
}
ALL_CUES = frozenset().union(*LOCATIVE_CUES.values())

#: English towns smaller than this are dropped when they stand next to a capitalised word
PERSON_CHECK_MAX_POPULATION = 300_000
#: how a surface string is claimed when several places share it (higher wins)
RANK_CITY, RANK_DIRECTIONAL, RANK_COUNTRY, RANK_REGION = 0, 1, 2, 3

#: German and English prefixes for "Nordsyrien", "southern Lebanon" (point key, name prefix)
DIRECTIONS_DE = (
    ("north", "Nord"), ("south", "Süd"), ("east", "Ost"), ("west", "West"),
    ("northeast", "Nordost"), ("northwest", "Nordwest"), ("southeast", "Südost"),
    ("southwest", "Südwest"), ("centre", "Zentral"),
)  # fmt: skip
DIRECTIONS_EN = (
    ("north", "northern"), ("south", "southern"), ("east", "eastern"), ("west", "western"),
    ("northeast", "northeastern"), ("northeast", "north-eastern"),
    ("northwest", "northwestern"), ("northwest", "north-western"),
    ("southeast", "southeastern"), ("southeast", "south-eastern"),
    ("southwest", "southwestern"), ("southwest", "south-western"), ("centre", "central"),
)  # fmt: skip
DIRECTION_LABEL = {
    "north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
    "northeast": "Northeastern", "northwest": "Northwestern", "southeast": "Southeastern",
    "southwest": "Southwestern", "centre": "Central",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the gazetteer: canonical English name, ISO alpha-3 country, position."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text: character offsets, the words used and the place they mean."""

    start: int
    end: int
    text: str
    place: Place

    @property
    def name(self) -> str:
        """The place's canonical English name ("Kyiv" for "Kiew")."""
        return self.place.name

    @property
    def country(self) -> str | None:
        """ISO alpha-3 code of the place's country; None for seas and areas across states."""
        return self.place.country

    @property
    def lat(self) -> float | None:
        """Latitude of the place."""
        return self.place.lat

    @property
    def lon(self) -> float | None:
        """Longitude of the place."""
        return self.place.lon

    @property
    def kind(self) -> str:
        """city, country, region, sea ..."""
        return self.place.kind


class Gazetteer:
    """Surface names of places in one automaton; `find` returns the places a text names."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        # surface -> (rank, population, place index)
        self._claims: dict[str, tuple[int, int, int]] = {}
        # surface -> languages in which it needs a locative cue ("*" = every language)
        self.cue_langs: dict[str, frozenset[str]] = {}
        self.dropped: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        #: ISO alpha-3 code -> the country as a place (at its capital)
        self.countries: dict[str, Place] = {}

    def add(self, place: Place, surfaces: list[str], rank: int) -> None:
        """Register `place` under `surfaces`; a higher rank, then population, keeps a name."""
        index = len(self.places)
        self.places.append(place)
        for surface in surfaces:
            self.claim(surface, index, rank)

    def claim(self, surface: str, index: int, rank: int) -> None:
        """Let `surface` name the place at `index` unless a stronger place holds it."""
        claim = (rank, self.places[index].population, index)
        held = self._claims.get(surface)
        if held is None or claim[:2] > held[:2]:
            self._claims[surface] = claim

    def build(self) -> None:
        """Compile the automaton; call once after every name is added."""
        automaton = ahocorasick.Automaton()
        for surface, (rank, _population, index) in self._claims.items():
            if surface in self.dropped:
                continue
            cue = self.cue_langs.get(surface) if rank == RANK_CITY else None
            cue = cue or None
            automaton.add_word(surface, (len(surface), index, cue))
        automaton.make_automaton()
        self._automaton = automaton
        self._claims.clear()

    def country(self, iso3: str) -> Place | None:
        """The country with this ISO alpha-3 code as a place, or None."""
        return self.countries.get(iso3)

    def lookup(self, surface: str) -> Place | None:
        """The place an exact surface string names, or None."""
        assert self._automaton is not None, "build() first"
        value = self._automaton.get(surface, None)
        return self.places[value[1]] if value else None

    def find(self, text: str, lang: str) -> list[PlaceMention]:
        """Places named in `text` (sorted by start, non-overlapping, longest match wins)."""
        assert self._automaton is not None, "build() first"
        german = lang not in LOCATIVE_CUES or lang == "de"
        # (start, end, place index, needs a cue it does not have)
        candidates: list[tuple[int, int, int, bool]] = []
        size = len(text)
        for last, (length, index, cue) in self._automaton.iter(text):
            start = last - length + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            end = last + 1
            if end < size and text[end].isalnum():
                # German genitive: "Kiews", "des Gazastreifens"
                if not (
                    german
                    and text[end] == "s"
                    and text[last] not in "sßxzSX"
                    and (end + 1 == size or not text[end + 1].isalnum())
                ):
                    continue
                end += 1
            # a name that is a word in either language needs its cue in both: German
            # "Lage" in an English-tagged paragraph is still the word, not the town
            pending = cue is not None and not _after_locative_cue(text, start, lang)
            if lang == "en" and not pending and self._looks_like_person(text, start, end, index):
                continue
            candidates.append((start, end, index, pending))
        return self._resolve(text, candidates)

    def _looks_like_person(self, text: str, start: int, end: int, index: int) -> bool:
        """English "Antony Blinken", "Martin Griffiths": a small town's name inside a person's.

        Only for English, where capitals mark names; German capitalises every noun.
        """
        place = self.places[index]
        if place.kind != "city" or place.population >= PERSON_CHECK_MAX_POPULATION:
            return False
        if " " in text[start:end] or _after_locative_cue(text, start, "en"):
            return False
        after = text[end : end + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            return True
        pos = start - 1
        if pos < 1 or text[pos] != " " or not text[pos - 1].isalpha():
            return False
        word_start = pos - 1
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        sentence_start = word_start == 0 or text[:word_start].rstrip()[-1:] in {
            ".",
            "!",
            "?",
            ":",
            "\n",
            '"',
            "„",
            "“",
        }
        return text[word_start].isupper() and not sentence_start

    def _resolve(
        self, text: str, candidates: list[tuple[int, int, int, bool]]
    ) -> list[PlaceMention]:
        """Keep the longest non-overlapping candidates, in text order.

        A word-like name without its cue survives only as the next item of a list of places
        ("in Reading, Bath and Nice").
        """
        if not candidates:
            return []
        # longest first; of two names for one span ("Tunis", and "Tuni" + genitive s) the
        # bigger place
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], -(self.places[c[2]].population or 0)))
        taken: list[tuple[int, int, int, bool]] = []
        for cand in candidates:
            if all(cand[1] <= s or cand[0] >= e for s, e, _, _ in taken):
                taken.append(cand)
        taken.sort()
        out: list[PlaceMention] = []
        for start, end, index, pending in taken:
            if pending and not (out and _continues_list(text[out[-1].end : start])):
                continue
            out.append(PlaceMention(start, end, text[start:end], self.places[index]))
        return out


LIST_JOINERS = frozenset({",", "and", "und", "or", "oder", "sowie", "&"})


def _continues_list(between: str) -> bool:
    """Whether the text between two names joins them as a list (", ", " und ")."""
    word = between.strip()
    return word in LIST_JOINERS or word in {", and", ", or", ", und"}


def _after_locative_cue(text: str, start: int, lang: str) -> bool:
    """Whether the word before `start` is a locative preposition of `lang`."""
    pos = start - 1
    while pos >= 0 and text[pos] == " ":
        pos -= 1
    end = pos + 1
    while pos >= 0 and text[pos].isalpha():
        pos -= 1
    word = text[pos + 1 : end].lower()
    return word in LOCATIVE_CUES.get(lang, ALL_CUES)


def _read_tsv(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """Rows of a tab-separated data file (comments with '#'), checked for their width."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for no, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            if len(cells) < columns:
                raise DataError(f"expected {columns} tab-separated fields", str(path), no)
            rows.append((no, cells))
    return rows


def _point(cell: str) -> tuple[float, float]:
    """Parse "lat,lon"."""
    lat, lon = cell.split(",")
    return float(lat), float(lon)


def _add_cities(gaz: Gazetteer) -> dict[tuple[str, str], int]:
    """GeoNames cities; returns (name, iso3) -> place index for the hand-written aliases."""
    path = PLACES_DIR / "cities.tsv"
    by_key: dict[tuple[str, str], int] = {}
    for no, cells in _read_tsv(path, 6):
        name, iso3, lat, lon, population, aliases = cells[:6]
        try:
            place = Place(name, iso3, float(lat), float(lon), "city", int(population))
        except ValueError as exc:
            raise DataError(f"bad number ({exc})", str(path), no) from exc
        surfaces = [name, *aliases.split("|")] if aliases else [name]
        gaz.add(place, surfaces, RANK_CITY)
        by_key.setdefault((name, iso3), len(gaz.places) - 1)
    path = PLACES_DIR / "city_aliases.tsv"
    for no, (alias, name, iso3) in ((n, c[:3]) for n, c in _read_tsv(path, 3)):
        index = by_key.get((name, iso3))
        if index is None:
            raise DataError(f"no city {name!r} in {iso3} in cities.tsv", str(path), no)
        # a hand-written alias is the name news uses: it outranks any other city's claim
        gaz.claim(alias, index, RANK_DIRECTIONAL)
    return by_key


def _country_names() -> dict[str, set[str]]:
    """iso3 -> country names in German and English (CLDR plus knowledge/countries*.tsv)."""
    names: dict[str, set[str]] = {}
    for filename in ("countries.tsv", "countries_extra.tsv"):
        path = KNOWLEDGE_DIR / filename
        if not path.exists():
            continue
        for _no, cells in _read_tsv(path, 3):
            names.setdefault(cells[0], set()).add(cells[2].strip())
    return names


def _add_countries(gaz: Gazetteer) -> None:
    """Countries as places at their capital, plus "Nordsyrien"/"southern Lebanon" regions."""
    import babel

    cldr = {lang: babel.Locale(lang).territories for lang in ("de", "en")}
    extra_names = _country_names()
    path = PLACES_DIR / "country_points.tsv"
    for _no, cells in _read_tsv(path, 10):
        iso3, iso2, geonames_name, _capital, lat, lon = cells[:6]
        points = dict(
            zip(("north", "south", "east", "west"), map(_point, cells[6:10]), strict=True)
        )
        de_names = {cldr["de"][iso2]} if iso2 in cldr["de"] else set()
        en_name = cldr["en"].get(iso2, geonames_name)
        surfaces = de_names | {en_name, geonames_name} | extra_names.get(iso3, set())
        country = Place(en_name, iso3, float(lat), float(lon), "country")
        gaz.add(country, sorted(surfaces), RANK_COUNTRY)
        gaz.countries[iso3] = country
        _add_directions(gaz, iso3, en_name, de_names, surfaces, points)


def _mean(*points: tuple[float, float]) -> tuple[float, float]:
    """Mean of (lat, lon) points; good enough for the middle of a region within a country."""
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _add_directions(
    gaz: Gazetteer,
    iso3: str,
    en_name: str,
    de_names: set[str],
    en_names: set[str],
    points: dict[str, tuple[float, float]],
) -> None:
    """Directional regions of a country: "Ostukraine", "Nord-Syrien", "southern Lebanon"."""
    points = {
        **points,
        "northeast": _mean(points["north"], points["east"]),
        "northwest": _mean(points["north"], points["west"]),
        "southeast": _mean(points["south"], points["east"]),
        "southwest": _mean(points["south"], points["west"]),
        "centre": _mean(*points.values()),
    }
    by_direction: dict[str, list[str]] = {key: [] for key in points}
    for key, prefix in DIRECTIONS_DE:
        for name in de_names:
            if " " not in name and "-" not in name:
                by_direction[key] += [prefix + name[0].lower() + name[1:], f"{prefix}-{name}"]
    for key, adjective in DIRECTIONS_EN:
        for name in en_names:
            if name[:1].isupper() and len(name.split()) <= 2:
                by_direction[key] += [f"{adjective} {name}", f"{adjective.capitalize()} {name}"]
    for key, surfaces in by_direction.items():
        lat, lon = points[key]
        place = Place(f"{DIRECTION_LABEL[key]} {en_name}", iso3, round(lat, 2), round(lon, 2),
                      "region")  # fmt: skip
        gaz.add(place, surfaces, RANK_DIRECTIONAL)


def _add_regions(gaz: Gazetteer) -> None:
    """Hand-written regions and seas from regions.yaml."""
    path = PLACES_DIR / "regions.yaml"
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is 20x faster
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", str(path)) from exc
    for number, entry in enumerate(entries, 1):
        try:
            place = Place(entry["name"], entry["country"], float(entry["lat"]),
                          float(entry["lon"]), entry["kind"])  # fmt: skip
            names = [str(n) for n in entry["names"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(
                f"entry {number} needs name, country, kind, lat, lon and names ({exc})", str(path)
            ) from exc
        gaz.add(place, names, RANK_REGION)


def _add_ambiguity_rules(gaz: Gazetteer) -> None:
    """Which city names need a locative cue: generated cue_words.tsv, then ambiguous.tsv."""
    for _no, cells in _read_tsv(PLACES_DIR / "cue_words.tsv", 2):
        gaz.cue_langs[cells[0]] = frozenset(cells[1].split(","))
    path = PLACES_DIR / "ambiguous.tsv"
    for no, (surface, langs, action) in ((n, c[:3]) for n, c in _read_tsv(path, 3)):
        lang_set = frozenset(x.strip() for x in langs.split(","))
        if action == "drop":
            gaz.dropped.add(surface)
        elif action == "cue":
            gaz.cue_langs[surface] = lang_set | gaz.cue_langs.get(surface, frozenset())
        elif action == "always":
            left = frozenset() if "*" in lang_set else gaz.cue_langs.get(surface, frozenset())
            gaz.cue_langs[surface] = left - lang_set
            if not gaz.cue_langs[surface]:
                del gaz.cue_langs[surface]
        else:
            raise DataError(f"unknown action {action!r} (use cue, always or drop)", str(path), no)


@cache
def load_places() -> Gazetteer:
    """The gazetteer, loaded once per process (about half a second)."""
    gaz = Gazetteer()
    _add_cities(gaz)
    _add_countries(gaz)
    _add_regions(gaz)
    _add_ambiguity_rules(gaz)
    gaz.build()
    return gaz
