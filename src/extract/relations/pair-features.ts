/**
 * Features of a candidate pair for the relation classifier: entity types and mention kinds, order and
 * distance, the words and tags between and around the two mentions, the shortest dependency path
 * (labels, directions, words), trigger-lexicon and title hits, what the rules said of the pair, form
 * patterns (possessive, apposition, "of", "in", comma, parenthesis), and document-level facts (how many
 * sentences name both, the knowledge base's home country). Features are strings; the model maps them.
 */
import { findTriggers } from "../lexicon.js";
import type { Anchor, Candidate } from "./candidates.js";
import type { SentenceContext } from "./context.js";

/** What the document as a whole says of a pair, for its features. */
export interface PairFacts {
  /** Rule outputs for the pair in this sentence: "reason|relation|direction". */
  rules: string[];
  /** Sentences of the document naming both entities. */
  sentencesWithBoth: number;
  /** The knowledge base puts the source in the target (a city of a country, a known organization's home). */
  kbHome: boolean;
  /** The target is the country the document names most. */
  mainCountry: boolean;
  /** The knowledge base puts the source in another country than the target. */
  kbElsewhere: boolean;
  /** The rules tie the source (a person) to another country by a title or demonym in this document. */
  otherCountry: boolean;
  /** A rule of this sentence ties the target to another person by a title or demonym ("Italian Prime Minister X met Y"). */
  takenByOther: boolean;
  /** What the gazetteer knows each side to be: "country", "city" (a place with a country), "region", "org", "-". */
  known: [string, string];
}

const MAX_BETWEEN = 12;
const MAX_PATH = 7;

function bucket(n: number): string {
  return n <= 3 ? String(n) : n <= 5 ? "4-5" : n <= 9 ? "6-9" : n <= 15 ? "10-15" : "16+";
}

/** The token of a mention that its head lies outside of. */
export function anchorHead(ctx: SentenceContext, a: Anchor): number {
  const { heads } = ctx.tree;
  for (let t = a.tokEnd - 1; t >= a.tokStart; t--) {
    const h = heads[t]!;
    if (h < a.tokStart || h >= a.tokEnd) return t;
  }
  return a.tokEnd - 1;
}

/** The path between two tokens through their lowest common ancestor: arcs up, then arcs down. */
function treePath(ctx: SentenceContext, from: number, to: number): { up: number[]; down: number[]; top: number } | undefined {
  const { heads } = ctx.tree;
  const ancestors: number[] = [];
  for (let t = from, n = 0; t >= 0 && n < 64; t = heads[t]!, n++) ancestors.push(t);
  const down: number[] = [];
  for (let t = to, n = 0; t >= 0 && n < 64; t = heads[t]!, n++) {
    const k = ancestors.indexOf(t);
    if (k >= 0) return { up: ancestors.slice(0, k), down: down.reverse(), top: t };
    down.push(t);
  }
  return undefined;
}

/** The feature strings of a candidate pair. */
export function pairFeatures(ctx: SentenceContext, c: Candidate, facts: PairFacts): string[] {
  const { source: s, target: t } = c;
  const { lower, pos } = ctx;
  const forward = s.tokStart < t.tokStart;
  const [first, last] = forward ? [s, t] : [t, s];
  const ty = `${s.type}>${t.type}`;
  const ord = forward ? "f" : "b";
  const tyo = `${ty}|${ord}`;
  const f: string[] = ["bias", `ty=${ty}`, `tyo=${tyo}`, `kd=${s.kind}>${t.kind}|${ord}`];
  const gapStart = Math.min(first.tokEnd, last.tokStart);
  const gapEnd = last.tokStart;
  const n = Math.max(0, gapEnd - gapStart);
  f.push(`d=${bucket(n)}|${tyo}`);
  if (last.tokStart < first.tokEnd) f.push(`nested|${tyo}`);

  // Words between.
  if (n <= MAX_BETWEEN) {
    const between = lower.slice(gapStart, gapEnd);
    for (const w of between) f.push(`bw=${w}|${ord}`);
    for (let k = 0; k + 1 < between.length; k++) f.push(`bb=${between[k]}_${between[k + 1]}|${ord}`);
    if (n <= 5) f.push(`bs=${between.join("_")}|${tyo}`);
    if (n <= 8) f.push(`bp=${pos.slice(gapStart, gapEnd).join("_")}|${ord}`);
    if (n === 0) f.push(`adj|${tyo}`);
    for (const m of findTriggers(ctx.lex, lower, gapStart, gapEnd)) f.push(`tr=${m.entry.relation}|${ord}`, `tr=${m.entry.relation}|${tyo}`);
    const pattern = between[0] === "'s" ? "poss" : between.length === 1 && /^[,(]$/.test(between[0]!) ? "punct" : between.length <= 3 && between.includes("of") ? "of" : between.length <= 2 && (between.includes("in") || between.includes("at")) ? "in" : "";
    if (pattern) f.push(`pat=${pattern}|${tyo}`);
  } else f.push(`bw=far|${ord}`);
  // Words around.
  f.push(`l1=${lower[first.tokStart - 1] ?? "<s>"}|${ord}`, `l2=${lower[first.tokStart - 2] ?? "<s>"}|${ord}`);
  f.push(`r1=${lower[last.tokEnd] ?? "</s>"}|${ord}`, `r2=${lower[last.tokEnd + 1] ?? "</s>"}|${ord}`);
  f.push(`l1p=${pos[first.tokStart - 1] ?? "<s>"}|${tyo}`, `r1p=${pos[last.tokEnd] ?? "</s>"}|${tyo}`);
  // Title words right before each mention ("President X", "the Russian ambassador X").
  for (const [side, a] of [["s", s], ["t", t]] as const) {
    const before = lower.slice(Math.max(0, a.tokStart - 3), a.tokStart).join(" ");
    for (let k = 0; k < 3; k++) {
      const phrase = before.split(" ").slice(k).join(" ");
      const title = phrase && ctx.gaz.titles.get(phrase);
      if (title) {
        f.push(`ti${side}=${title}|${ty}`);
        break;
      }
    }
    if (a.kind === "nominal") f.push(`nh${side}=${lower[a.tokEnd - 1]}|${ty}`);
  }

  // Dependency path between the mentions' head tokens.
  const hs = anchorHead(ctx, s);
  const ht = anchorHead(ctx, t);
  const path = hs !== ht ? treePath(ctx, hs, ht) : undefined;
  const { labels, heads } = ctx.tree;
  f.push(`sl=${labels[hs]}|${ty}`, `tl=${labels[ht]}|${ty}`);
  f.push(`sh=${lower[heads[hs]!] ?? "<root>"}|${labels[hs]}`, `th=${lower[heads[ht]!] ?? "<root>"}|${labels[ht]}`);
  if (path) {
    const len = path.up.length + path.down.length;
    if (len <= MAX_PATH) {
      const arcs = [...path.up.map((k) => `${labels[k]}^`), ...path.down.map((k) => `${labels[k]}v`)];
      f.push(`p=${arcs.join(" ")}|${ty}`);
      const mid = [...path.up.slice(1), path.top, ...path.down.slice(0, -1)].filter((k) => k !== hs && k !== ht);
      const words = mid.map((k) => lower[k]);
      f.push(`pw=${arcs.join(" ")}|${words.join(" ")}|${ord}`);
      for (const k of mid) f.push(`pv=${lower[k]}|${ty}`, `pv=${lower[k]}`);
      if (path.top !== hs && path.top !== ht) f.push(`top=${lower[path.top]}|${labels[path.top]}`);
    } else f.push(`p=long|${ty}`);
    f.push(`pl=${bucket(len)}|${tyo}`);
  }

  // What the rules said, and the document.
  for (const r of facts.rules) f.push(`ru=${r}`, `rr=${r.slice(r.indexOf("|") + 1)}`);
  if (facts.rules.length === 0) f.push("ru=none");
  f.push(`dc=${bucket(facts.sentencesWithBoth)}|${ty}`);
  if (facts.kbHome) f.push(`kb=home|${ty}`);
  if (facts.mainCountry) f.push(`main-country|${ty}`);
  if (facts.kbElsewhere) f.push(`kb=elsewhere|${ty}`);
  if (facts.otherCountry) f.push(`other-country|${ty}`);
  if (facts.takenByOther) f.push(`taken|${ty}`);
  f.push(`gz=${facts.known[0]}>${facts.known[1]}|${ord}`);
  return f;
}
