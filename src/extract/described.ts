/**
 * Described entities: an indefinite description of a project or event that says where it leads ("a
 * second natural gas pipeline to X", "a new rail link between X and Y") names something the document
 * does not name. It becomes an entity of the document with its head noun, modifiers and targets, so the
 * relations around it are read; across documents it joins the one named entity it fits
 * (graph/described-merge.ts) or is left out of the graph.
 */
import type { DocEntity, EntityDescription } from "../types.js";
import { entityMention } from "./entity-mention.js";
import type { Gazetteer } from "./gazetteer.js";
import type { EntityMention } from "./mentions.js";
import type { Item } from "./relations/context.js";

const INDEFINITE = new Set(["a", "an", "another"]);
/** Prepositions by which a description names where its project or event leads or lies. */
const TARGET_PREPOSITIONS = new Set(["to", "from", "between", "linking", "through", "across", "into"]);
const MAX_MODIFIERS = 4;
const MODIFIER_TAG = /^(?:JJ|JJR|JJS|NN|NNS|VBN|VBG|CD)$/;

export interface DescribedInput {
  gaz: Gazetteer;
  text: string;
  sentence: { index: number; tokens: readonly { start: number; end: number }[] };
  lower: readonly string[];
  pos: readonly string[];
  /** The sentence's resolved mentions, in token order. */
  items: readonly Item[];
}

/** A description found in a sentence: its mention and what it says. */
export interface Described {
  m: EntityMention;
  description: EntityDescription;
  /** A readable name: the description without its article ("second natural gas pipeline to X"). */
  name: string;
}

/** The indefinite descriptions of one sentence that name at least one target. */
export function describedInSentence(input: DescribedInput): Described[] {
  const { gaz, lower, pos, items } = input;
  const taken = new Uint8Array(lower.length);
  for (const it of items) taken.fill(1, it.m.nominal?.phraseStart ?? it.m.tokStart, it.m.tokEnd);
  const out: Described[] = [];
  for (let j = 1; j < lower.length; j++) {
    const ref = gaz.references.get(lower[j]!);
    if (!ref || ref.plural || (ref.type !== "project" && ref.type !== "event") || taken[j] || !(pos[j] ?? "").startsWith("NN")) continue;
    let d = j - 1;
    while (d >= 0 && j - 1 - d < MAX_MODIFIERS && !INDEFINITE.has(lower[d]!) && !taken[d] && MODIFIER_TAG.test(pos[d] ?? "") && /^[a-z-]+$/.test(lower[d]!)) d--;
    if (d < 0 || !INDEFINITE.has(lower[d]!)) continue;
    const targets = targetsAfter(items, lower, j + 1);
    if (targets.length === 0) continue;
    const end = targets[targets.length - 1]!.m.tokEnd;
    const first = input.sentence.tokens[d + 1]!;
    const last = input.sentence.tokens[end - 1]!;
    const head = input.sentence.tokens[j]!;
    const m = entityMention({
      sentence: input.sentence.index,
      tokStart: j,
      tokEnd: j + 1,
      start: head.start,
      end: head.end,
      text: input.text.slice(head.start, head.end),
      name: lower[j]!,
      type: ref.type,
      source: "NOM",
      nominal: { head: lower[j]!, kind: ref.kind, plural: false, phraseStart: d },
    });
    out.push({
      m,
      name: input.text.slice(first.start, last.end).replace(/\s+/g, " "),
      description: { head: lower[j]!, modifiers: lower.slice(d + 1, j).filter((w) => !/^\d/.test(w)), targets: [...new Set(targets.map((t) => t.id))] },
    });
    taken.fill(1, d, j + 1);
  }
  return out;
}

/** The places a description leads to: "to X", "from X to Y", "between X and Y" right after its head. */
function targetsAfter(items: readonly Item[], lower: readonly string[], at: number): Item[] {
  const out: Item[] = [];
  let k = at;
  while (TARGET_PREPOSITIONS.has(lower[k] ?? "")) {
    const place = items.find((it) => it.m.tokStart === k + 1 && (it.type === "country" || it.type === "location"));
    if (!place) break;
    out.push(place);
    k = place.m.tokEnd;
    if (lower[k] === "and" && out.length === 1 && lower[at] === "between") {
      const second = items.find((it) => it.m.tokStart === k + 1 && (it.type === "country" || it.type === "location"));
      if (second) out.push(second);
      break;
    }
  }
  return out;
}

/** The document entity of a description (ids continue the document's numbering). */
export function describedEntity(d: Described, id: string): DocEntity {
  return { id, type: d.m.type, name: d.name, aliases: [], mentions: [{ text: d.m.text, start: d.m.start, end: d.m.end, sentence: d.m.sentence }], description: d.description };
}
