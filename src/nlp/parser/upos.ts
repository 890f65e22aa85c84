/**
 * Universal part-of-speech tags for display (`newsgraph parse`): derived from the Penn tag our POS tagger
 * gives and, where the Penn tag is ambiguous between universal classes (IN as ADP or SCONJ, DT as DET or
 * PRON, VB* as AUX or VERB), from the relation the parser gives the word. Conventions of UD English.
 */
const DIRECT: Record<string, string> = {
  NN: "NOUN", NNS: "NOUN", NNP: "PROPN", NNPS: "PROPN", JJ: "ADJ", JJR: "ADJ", JJS: "ADJ", RB: "ADV", RBR: "ADV",
  RBS: "ADV", WRB: "ADV", PRP: "PRON", "PRP$": "PRON", WP: "PRON", "WP$": "PRON", WDT: "PRON", EX: "PRON", CD: "NUM",
  CC: "CCONJ", MD: "AUX", UH: "INTJ", POS: "PART", RP: "ADP", FW: "X", LS: "X", SYM: "SYM", $: "SYM", "#": "SYM",
  ADD: "X", GW: "X", XX: "X", AFX: "ADJ", NFP: "PUNCT", HYPH: "PUNCT", ",": "PUNCT", ".": "PUNCT", ":": "PUNCT",
  "``": "PUNCT", "''": "PUNCT", '"': "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "(": "PUNCT", ")": "PUNCT",
};

/** The universal tag of a word from its Penn tag, form and relation. */
export function universalTag(xpos: string, form: string, deprel: string): string {
  const rel = deprel.split(":")[0]!;
  if (xpos.startsWith("VB")) return rel === "aux" || rel === "cop" ? "AUX" : "VERB";
  if (xpos === "IN") return rel === "mark" ? "SCONJ" : "ADP";
  if (xpos === "TO") return rel === "case" ? "ADP" : "PART";
  if (xpos === "DT" || xpos === "PDT") return rel === "det" || rel === "det:predet" ? "DET" : "PRON";
  if (xpos === "RB" && /^(?:not|n't|n’t)$/i.test(form)) return "PART";
  return DIRECT[xpos] ?? (/^\p{P}+$/u.test(form) ? "PUNCT" : "X");
}
