"""The cue words of a language pack (cues.yaml) as fast lookup sets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lagebild.errors import DataError
from lagebild.lang import get_pack


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words for modality, roles and clause structure in one language."""

    lang: str
    negation: frozenset[str]
    negation_np: frozenset[str]
    hypothetical: frozenset[str]
    hypothetical_np: frozenset[str]
    conditional_conj: frozenset[str]
    intent_lemmas: frozenset[str]
    #: verbs of planning or weighing: an event noun they have as object is not done yet
    deliberation_lemmas: frozenset[str]
    #: auxiliaries of the future that put an event noun after them ahead ("will decide on aid")
    noun_future_aux: frozenset[str]
    passive_aux: frozenset[str]
    agent_preps: frozenset[str]
    by_means: frozenset[str]
    location_preps: frozenset[str]
    #: location prepositions that name a place less surely ("from", "between", "aus")
    weak_location_preps: frozenset[str]
    #: prepositions of movement to a place ("nach Moskau", "flew to Kyiv")
    direction_preps: frozenset[str]
    #: "von X"/"of X" after a noun: the place of a place ("im Hafen von Ismajil")
    genitive_preps: frozenset[str]
    #: "dort", "there": the place of the sentence before
    place_anaphora: frozenset[str]
    attribute_preps: frozenset[str]
    complementizers: frozenset[str]
    #: subordinators of circumstance ("nachdem", "because"): their clause states an act of its
    #: own, never the content of a demand, threat or plan before it
    adverbial_conj: frozenset[str]
    fixed_adverbials: frozenset[str]
    relative_pronouns: frozenset[str]
    #: relative pronouns of an object case: the noun they follow is no subject of their clause
    oblique_relatives: frozenset[str]
    coordinators: frozenset[str]
    clause_breakers: frozenset[str]
    object_determiners: frozenset[str]
    reporting_lemmas: frozenset[str]
    reporting_preps: frozenset[str]
    insist_lemmas: frozenset[str]
    consequence_words: frozenset[str]
    nonpolitical_context: frozenset[str]
    #: adjectives of a world-wide reaction: a protest noun after them is no local crowd's
    #: ("löste einen internationalen Aufruhr aus", "an international outcry")
    worldwide_words: frozenset[str]
    nonpolitical_heads: frozenset[str]
    election_words: frozenset[str]
    never_triggers: frozenset[str]
    not_event_phrases: frozenset[str]
    reflexives: frozenset[str]
    circumstance_preps: frozenset[str]
    #: prepositions of time or occasion only, never of content ("during", "während")
    occasion_preps: frozenset[str]
    #: nouns whose prepositional object is what they are about ("in protest at the war")
    governing_nouns: frozenset[str]
    reason_preps: frozenset[str]
    thanks_lemmas: frozenset[str]
    thanks_preps: frozenset[str]
    prevent_lemmas: frozenset[str]
    sea_words: frozenset[str]
    launch_words: frozenset[str]
    test_missiles: frozenset[str]
    summon_preps: frozenset[str]
    noun_attribute_openers: frozenset[str]
    genitive_articles: frozenset[str]
    object_pronouns: frozenset[str]
    #: the plural ones among them ("ihnen", "them"): the target of the act reported before
    plural_object_pronouns: frozenset[str]
    aftermath_preps: frozenset[str]
    framework_preps: frozenset[str]
    readiness: frozenset[str]
    destination_preps: frozenset[str]
    hosting_lemmas: frozenset[str]
    #: verbs of hosting talks ("hosted talks between X and Y": the host consults both)
    talk_host_lemmas: frozenset[str]
    #: participles that open a sentence and share the main clause's subject ("Speaking after
    #: talks with Scholz, Tusk said ...")
    participle_openers: frozenset[str]
    #: texts put to a vote or adopted, whose participle says what they would do ("a
    #: resolution demanding a ceasefire")
    document_nouns: frozenset[str]
    #: verbs that need an object: right before "of"/"for"/"with" their participle is passive
    #: ("six companies accused of supplying Russia")
    object_verbs: frozenset[str]
    assist_lemmas: frozenset[str]
    reporting_nouns: frozenset[str]
    response_phrases: frozenset[str]
    #: verbs of answering an act whose "by" + gerund names the act ("retaliated by expelling")
    retaliation_lemmas: frozenset[str]
    #: words before an act a show of force answers or prepares for ("in response to")
    reason_links: frozenset[str]
    #: the partner of a treaty or deal named in an apposition ("the treaty with the US")
    partner_preps: frozenset[str]
    announce_strict: frozenset[str]
    border_words: frozenset[str]
    launch_lemmas: frozenset[str]
    missile_words: frozenset[str]
    attack_preps: frozenset[str]
    presence_preps: frozenset[str]
    infinitive_false: frozenset[str]
    state_pronouns: frozenset[str]
    #: plural subject pronouns ("the sanctions they imposed")
    group_pronouns: frozenset[str]
    quantity_of: frozenset[str]
    #: nouns of a volley before "of": "hit by a barrage of Russian missiles" is hit by them
    volley_of: frozenset[str]
    reciprocal: frozenset[str]
    reciprocal_verbs: frozenset[str]
    executive_lemmas: frozenset[str]
    #: verbs of ending ("to end the fighting": the fighting went on)
    cessation_lemmas: frozenset[str]
    unknown_words: frozenset[str]
    foreign_words: frozenset[str]
    protester_nouns: frozenset[str]
    #: a state's missions abroad ("outside the Russian embassy": protests aimed at Russia)
    mission_nouns: frozenset[str]
    act_pronouns: frozenset[str]
    not_agreements: frozenset[str]
    not_aid: frozenset[str]
    group_anaphora: tuple[str, ...]
    subject_pronouns: frozenset[str]
    #: "sie"/"they" opening a sentence: those who acted in the sentence before, when the verb
    #: after them ends in one of `plural_verb_endings` (no list: any verb)
    plural_subject_pronouns: frozenset[str]
    plural_verb_endings: frozenset[str]
    first_person_plural: frozenset[str]
    determiners: frozenset[str]
    #: question words that take the act asked about as given ("how many", "why")
    presupposing_wh: frozenset[str]
    #: definite articles: an act named after one is taken as given ("the Hamas attack");
    #: "the minister" in a later sentence is the one of the act before
    definite_articles: frozenset[str]
    #: nouns that name an armed group named before ("the group", "die Gruppe")
    group_nouns: frozenset[str]
    prepositions: frozenset[str]
    separable_particles: frozenset[str]
    possessives: frozenset[str]
    owner_pronouns: frozenset[str]
    #: possessives of more than one owner ("their meeting": both parties)
    plural_owner_pronouns: frozenset[str]
    infinitive_marker: str
    clause_punct: frozenset[str]
    not_only: tuple[str, ...]
    deny_lemmas: frozenset[str]
    #: verbs of ruling out: the act after them is not done ("schloss eine Lieferung aus")
    exclude_lemmas: frozenset[str]
    #: nouns of taking part: a denied "role in" an act of others leaves that act real
    involvement_nouns: frozenset[str]
    announce_lemmas: frozenset[str]
    claim_markers: frozenset[str]
    #: verb forms of reported speech: a clause with one after a governing verb is its
    #: complement even without a complementizer ("drohte, X werde ...")
    subjunctive: frozenset[str]
    attribution_openers: frozenset[str]
    speech_split_lemmas: frozenset[str]
    bare_nouns: frozenset[str]
    future_aux: frozenset[str]
    scheduled_words: frozenset[str]
    permit_lemmas: frozenset[str]
    conditional_nouns: frozenset[str]
    request_preps: frozenset[str]
    abstain_lemmas: frozenset[str]
    purpose_conj: frozenset[str]
    recipient_aux: frozenset[str]
    origin_preps: frozenset[str]
    supply_words: frozenset[str]
    decision_lemmas: frozenset[str]
    topic_preps: frozenset[str]
    member_nouns: frozenset[str]
    joint_phrases: frozenset[str]


_SET_FIELDS = [
    f
    for f in Cues.__dataclass_fields__
    if f not in ("lang", "group_anaphora", "infinitive_marker", "not_only")
]


@cache
def load_cues(lang: str) -> Cues:
    """The cues of a language pack, parsed once per process."""
    pack = get_pack(lang)
    data = pack.yaml("cues.yaml")
    if not isinstance(data, dict):
        raise DataError("expected a mapping of cue lists", str(pack.path("cues.yaml")))
    for name, words in data.items():
        bad = [w for w in (words if isinstance(words, list) else []) if not isinstance(w, str)]
        if bad:  # YAML reads an unquoted on/no/yes as a boolean
            raise DataError(
                f'\'{name}\' has non-text entries {bad}: quote words like "on" and "no"',
                str(pack.path("cues.yaml")),
            )
    missing = [f for f in _SET_FIELDS if f not in data]
    if missing:
        raise DataError(f"missing cue lists: {', '.join(missing)}", str(pack.path("cues.yaml")))
    # words are compared lower-cased; lemmas of German nouns are kept as written too
    kwargs: dict[str, frozenset[str]] = {}
    for f in _SET_FIELDS:
        words = [str(w) for w in data[f] or []]
        kwargs[f] = frozenset(words) | frozenset(w.lower() for w in words)
    return Cues(
        lang=lang,
        group_anaphora=tuple(str(w) for w in data.get("group_anaphora", [])),
        infinitive_marker=str(data.get("infinitive_marker", "")),
        not_only=tuple(str(w) for w in data.get("not_only", [])),
        **kwargs,  # type: ignore[arg-type]
    )
