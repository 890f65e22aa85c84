/**
 * Relations read from the sentence's dependency tree. Where rules over neighbouring mention groups cannot
 * tell which noun is the subject of which verb, the tree can: the subject of a trigger verb decides the
 * source of a clause relation ("X, the chief executive of Y, visited Z": X visits Z, not Y), and an
 * apposition or a title noun governing an organization or country gives the title relation
 * ("X, Y's general counsel"; "X, the chief executive of Y").
 */
import type { DependencyTree } from "../../nlp/parser/parser.js";
import { titleBounds } from "../gazetteer.js";
import { ClaimList, type RuleOutput } from "./claims.js";
import type { Item, SentenceContext } from "./context.js";

const SUBJECT = new Set(["nsubj", "nsubj:pass"]);
/** Relations by which a clause verb inherits the subject of the verb it hangs from ("arrived and met", "agreed to meet"). */
const SHARES_SUBJECT = new Set(["conj", "xcomp"]);
const HOLDER = new Set(["nmod", "nmod:poss", "obl"]);
const HOLDER_CASES = new Set(["of", "at", "for", "'s"]);
const MAX_TITLE_TOKENS = 4;
const APPOSITION_OPENERS = new Set([",", "("]);
const APPOSITION = new Set(["appos"]);
const CASE = new Set(["case"]);
/** Relations by which a word modifies a noun phrase ("of Y", "Y's", appositions, names). */
const MODIFIERS = new Set(["nmod", "nmod:poss", "appos", "compound", "flat", "conj"]);

/** The token of a token span [start, end) whose head lies outside of it (the span's head in the tree). */
export function treeSpanHead(tree: DependencyTree, start: number, end: number): number {
  const { heads } = tree;
  for (let t = end - 1; t >= start; t--) {
    const h = heads[t]!;
    if (h < start || h >= end) return t;
  }
  return end - 1;
}

/** The head token of a token span of the context's sentence. */
export function spanHead(ctx: SentenceContext, start: number, end: number): number {
  return treeSpanHead(ctx.tree, start, end);
}

/** The head token of a mention. */
export function headToken(ctx: SentenceContext, item: Item): number {
  return spanHead(ctx, item.m.tokStart, item.m.tokEnd);
}

/** The item whose mention covers a token. */
export function itemAt(ctx: SentenceContext, token: number): Item | undefined {
  return ctx.items.find((it) => it.m.tokStart <= token && token < it.m.tokEnd);
}

/**
 * The item a noun phrase names: the one covering its head token, or one whose mention hangs directly
 * from it ("President Emmanuel Macron", where the title heads the name in the tree).
 */
export function itemOfPhrase(ctx: SentenceContext, head: number): Item | undefined {
  return itemAt(ctx, head) ?? ctx.items.find((it) => ctx.tree.heads[headToken(ctx, it)] === head && Math.abs(it.m.tokStart - head) <= 3);
}

/** Dependents of a token by relation. */
function dependents(ctx: SentenceContext, token: number, relations: ReadonlySet<string>): number[] {
  const out: number[] = [];
  const { heads, labels } = ctx.tree;
  for (let t = 0; t < heads.length; t++) if (heads[t] === token && relations.has(labels[t]!)) out.push(t);
  return out;
}

/**
 * The subject token of a verb by the tree (a verb joined by conj/xcomp to another takes that verb's
 * subject when it has none), or -1 when the tree gives none.
 */
export function subjectOf(ctx: SentenceContext, verb: number): number {
  let v = verb;
  for (let hops = 0; hops < 4 && v >= 0; hops++) {
    const subject = dependents(ctx, v, SUBJECT)[0];
    if (subject !== undefined) return subject;
    if (!SHARES_SUBJECT.has(ctx.tree.labels[v]!)) return -1;
    v = ctx.tree.heads[v]!;
  }
  return -1;
}

/** Whether a token hangs from another through modifier relations ("of Y", "Y's", appositions), within three arcs. */
export function modifies(ctx: SentenceContext, token: number, head: number): boolean {
  let t = token;
  for (let hops = 0; hops < 3; hops++) {
    if (!MODIFIERS.has(ctx.tree.labels[t]!)) return false;
    t = ctx.tree.heads[t]!;
    if (t === head) return true;
    if (t < 0) return false;
  }
  return false;
}

/** A title phrase ending at a noun token (up to four words, the longest known). */
function titleAt(ctx: SentenceContext, noun: number): { relation: string; title: string } | undefined {
  if (!titleBounds(ctx.gaz).last.has(ctx.lower[noun]!)) return undefined;
  for (let n = Math.min(MAX_TITLE_TOKENS, noun + 1); n >= 1; n--) {
    const phrase = ctx.lower.slice(noun - n + 1, noun + 1).join(" ");
    const relation = ctx.gaz.titles.get(phrase);
    if (relation) return { relation, title: ctx.words.slice(noun - n + 1, noun + 1).join(" ") };
  }
  return undefined;
}

/** The organization, country or place a title noun names as the holder: "Y's counsel", "executive of Y". */
function holderOf(ctx: SentenceContext, noun: number): Item | undefined {
  for (const t of dependents(ctx, noun, HOLDER)) {
    const item = itemAt(ctx, t);
    if (!item || item.type === "person") continue;
    const cases = dependents(ctx, t, CASE).map((c) => ctx.lower[c]!);
    if (ctx.tree.labels[t] === "nmod:poss" || cases.some((c) => HOLDER_CASES.has(c))) return item;
  }
  return undefined;
}

/** "X, the chief executive of Y" / "X, Y's general counsel": a person's apposition is a title held at Y. */
export function appositionTitles(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  if (!ctx.items.some((it) => it.type !== "person")) return out;
  for (const person of ctx.items) {
    // An apposition is set off by a comma or a parenthesis (checked first: the tree is parsed on demand).
    if (person.type !== "person" || !APPOSITION_OPENERS.has(ctx.lower[person.m.tokEnd] ?? "")) continue;
    for (const noun of dependents(ctx, headToken(ctx, person), APPOSITION)) {
      const title = titleAt(ctx, noun);
      const holder = title && holderOf(ctx, noun);
      if (!title || !holder) continue;
      out.role(person.id, title.title);
      out.add(person, title.relation as "leader_of" | "official_of" | "works_for", holder, { predicate: title.title, rule: `appos-title-${title.relation}` });
    }
  }
  return out;
}
