// The 16 PLOVER event types and their quad classes (see the ontology document).

export const QUAD_NAMES = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

export const TYPE_QUAD = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1,
  COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3,
  PROTEST: 4, MOBILIZE: 4, SANCTION: 4, COERCE: 4, ASSAULT: 4,
};

/** The code an actor object is shown by: its full code, else country or org. */
export function actorCode(actor) {
  if (!actor) return "–";
  return actor.code || actor.country || actor.org || actor.sector || "?";
}

/** A readable description of an actor object, for tooltips. */
export function actorDescription(actor) {
  if (!actor) return "no actor";
  const parts = [];
  if (actor.text) parts.push("“" + actor.text + "”");
  if (actor.name && actor.name !== actor.text) parts.push(actor.name);
  parts.push(actorCode(actor));
  return parts.join(" · ");
}
