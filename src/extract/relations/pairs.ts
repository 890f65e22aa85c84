/**
 * The candidate pairs of a document with their features: the sentence-level pairs of `candidates.ts`,
 * each with what the rules said of it in that sentence, how many sentences name both, the knowledge
 * base's home country and the document's main country. The classifier reads these at build time, and
 * the trainer reads the same at training time.
 */
import type { EntityType, RelationType } from "../../types.js";
import type { DocumentAnalysis } from "../index.js";
import { lookupName } from "../gazetteer.js";
import { anchorsOf, sentenceCandidates, type Anchor, type Candidate } from "./candidates.js";
import type { SentenceContext } from "./context.js";
import { pairFeatures } from "./pair-features.js";

/** Relations by which a rule ties a person to a country. */
const TIES: ReadonlySet<RelationType> = new Set<RelationType>(["leader_of", "official_of", "citizen_of"]);
/** Relations by which a rule ties a person to a country or an organization by a title or demonym. */
const ROLES: ReadonlySet<RelationType> = new Set<RelationType>(["leader_of", "official_of", "works_for", "citizen_of"]);

export interface PairInstance {
  /** Index of the sentence (of `a.contexts` and of the document's anchors). */
  sentence: number;
  ctx: SentenceContext;
  candidate: Candidate;
  features: string[];
}

/** Whether a set (absent: empty) holds an element other than `id`. */
function holdsOther(set: ReadonlySet<string> | undefined, id: string): boolean {
  if (set) for (const x of set) if (x !== id) return true;
  return false;
}

/** The anchors of every sentence of a document (index = sentence). */
export function documentAnchors(a: DocumentAnalysis): Anchor[][] {
  return a.contexts.map((ctx) => anchorsOf(ctx));
}

/**
 * Every candidate pair of a document with its features, leaving out the ordered pairs whose entity types
 * fit no relation the classifier knows (`fits`): nothing could be said of them, so they are neither
 * featurized nor parsed for.
 */
export function documentPairs(a: DocumentAnalysis, fits: (source: EntityType, target: EntityType) => boolean, anchors = documentAnchors(a)): PairInstance[] {
  // What the rules said, by sentence and ordered pair ("f": as stated, "b": the other way round).
  const ruled = new Map<string, string[]>();
  const note = (key: string, value: string) => {
    const list = ruled.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    ruled.set(key, list);
  };
  for (const r of a.ruleRelations) {
    if (r.relation === "co_occurs") continue;
    note(`${r.evidence.start}|${r.source}|${r.target}`, `${r.rule}|${r.relation}|f`);
    note(`${r.evidence.start}|${r.target}|${r.source}`, `${r.rule}|${r.relation}|b`);
  }
  // Countries the rules tie each person to (titles, demonyms).
  const countriesOf = new Map<string, Set<string>>();
  // Per sentence, who the rules tie each holder to ("sentence start|target" → sources).
  const tiedTo = new Map<string, Set<string>>();
  const typeOf = new Map(a.entities.map((e) => [e.id, e.type]));
  for (const r of a.ruleRelations) {
    if (!r.negated && ROLES.has(r.relation)) {
      const key = `${r.evidence.start}|${r.target}`;
      tiedTo.set(key, (tiedTo.get(key) ?? new Set<string>()).add(r.source));
    }
    if (r.negated || typeOf.get(r.target) !== "country" || !TIES.has(r.relation)) continue;
    const set = countriesOf.get(r.source) ?? new Set<string>();
    set.add(r.target);
    countriesOf.set(r.source, set);
  }
  const gaz = a.contexts[0]?.gaz;
  const known = new Map<string, string>();
  for (const e of a.entities) {
    const k = gaz && lookupName(gaz, e.name);
    known.set(e.id, !k ? "-" : k.type === "country" ? "country" : k.type === "location" ? (k.country ? "city" : "region") : k.type === "organization" ? "org" : k.type);
  }
  const sentencesOf = new Map<string, Set<number>>();
  const mentions = new Map<string, number>();
  anchors.forEach((list, s) => {
    for (const an of list) {
      const set = sentencesOf.get(an.id) ?? new Set<number>();
      set.add(s);
      sentencesOf.set(an.id, set);
      mentions.set(an.id, (mentions.get(an.id) ?? 0) + 1);
    }
  });
  let mainCountry: string | undefined;
  let best = 0;
  for (const e of a.entities) {
    const n = mentions.get(e.id) ?? 0;
    if (e.type !== "country" || n === 0) continue;
    if (n > best) [mainCountry, best] = [e.id, n];
    else if (n === best) mainCountry = undefined;
  }
  // Counted once per pair: a document that repeats one pair in every sentence stays linear.
  const withBothOf = new Map<string, number>();
  const sentencesWithBoth = (x: string, y: string): number => {
    const key = `${x}|${y}`;
    let n = withBothOf.get(key);
    if (n === undefined) {
      const both = sentencesOf.get(x)!;
      n = 0;
      for (const k of sentencesOf.get(y)!) if (both.has(k)) n++;
      withBothOf.set(key, n);
    }
    return n;
  };
  const out: PairInstance[] = [];
  anchors.forEach((list, s) => {
    const ctx = a.contexts[s]!;
    for (const candidate of sentenceCandidates(list)) {
      const { source, target } = candidate;
      if (!fits(source.type, target.type)) continue;
      const withBoth = sentencesWithBoth(source.id, target.id);
      const features = pairFeatures(ctx, candidate, {
        rules: ruled.get(`${ctx.evidence.start}|${source.id}|${target.id}`) ?? [],
        sentencesWithBoth: withBoth,
        kbHome: a.homes.get(source.id)?.country === target.id,
        mainCountry: target.id === mainCountry,
        kbElsewhere: target.type === "country" && a.homes.has(source.id) && a.homes.get(source.id)!.country !== target.id,
        otherCountry: target.type === "country" && holdsOther(countriesOf.get(source.id), target.id),
        known: [known.get(source.id)!, known.get(target.id)!],
        takenByOther: holdsOther(tiedTo.get(`${ctx.evidence.start}|${target.id}`), source.id),
      });
      out.push({ sentence: s, ctx, candidate, features });
    }
  });
  return out;
}

