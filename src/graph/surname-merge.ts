/**
 * A late pass of the resolution across documents, run on the corpus entities the earlier rules built:
 * a person known by one word ("Blair", "O'Gara") or by an initial and a surname ("R O'Gara") joins the
 * one full-name person of the corpus it can be. Names are keys (lower case, no punctuation; a person's
 * without its lowercase particles, so "bin Laden" is the one word "laden").
 *
 * 1. Initial forms: "r ogara" joins the one full-name person whose surname is "ogara" and whose first
 *    name starts with "r"; with none or several such people it stays apart.
 * 2. One word: "ogara" joins the one full-name person who has it as surname, as first name or as an
 *    alias; with several such people (two different full-name Smiths, or a Smith and a Smith Jones) it
 *    stays apart.
 *
 * Only person groups take part. A group that is merged has no full name of its own and a group merged
 * into has one, so two full names are never glued together, and the candidates of each step are
 * counted before any of its merges, so the order of the groups does not matter.
 */
import type { EntityType } from "../types.js";

/** A corpus entity as the pass sees it: its root (an id), its type, its members' name and alias keys. */
export interface NameGroup {
  root: number;
  type: EntityType;
  names: string[];
  aliases: string[];
}

/** One merge of the pass: the group `from` joins the group `into`. */
export interface LateMerge {
  from: number;
  into: number;
  reason: "surname" | "alias";
}

const tokens = (key: string): string[] => (key === "" ? [] : key.split(" "));
/** A full name: two words or more, the first more than an initial. */
const isFullName = (key: string): boolean => {
  const t = tokens(key);
  return t.length >= 2 && t[0]!.length >= 2;
};
/** An initial and a surname: "r ogara". */
const isInitialForm = (key: string): boolean => {
  const t = tokens(key);
  return t.length === 2 && t[0]!.length === 1 && t[1]!.length >= 2;
};
const isOneWord = (key: string): boolean => tokens(key).length === 1 && key.length >= 2;

/** The one key all the group's names share, when it passes `test`. */
function soleKey(group: NameGroup, test: (key: string) => boolean): string | undefined {
  const keys = new Set(group.names);
  if (keys.size !== 1) return undefined;
  const [key] = keys;
  return test(key!) ? key : undefined;
}

const add = (index: Map<string, Set<number>>, key: string, root: number) => {
  const set = index.get(key) ?? new Set<number>();
  set.add(root);
  index.set(key, set);
};

/** The merges of the pass, in a deterministic order (by source root). `split` holds names never merged. */
export function lateSurnameMerges(groups: NameGroup[], split: Set<string> = new Set()): LateMerge[] {
  const persons = groups.filter((g) => g.type === "person").sort((a, b) => a.root - b.root);
  const free = (g: NameGroup) => !g.names.some((n) => split.has(n));
  const merges: LateMerge[] = [];

  // 1. Initial forms.
  const bySurname = new Map<string, Set<number>>();
  const fullNamesOf = new Map<number, string[]>();
  for (const g of persons) {
    const full = [...new Set(g.names.filter(isFullName))];
    if (full.length === 0) continue;
    fullNamesOf.set(g.root, full);
    for (const key of full) add(bySurname, tokens(key).at(-1)!, g.root);
  }
  const absorbed = new Map<number, number>(); // initial-form group root → full-name group root
  for (const g of persons) {
    const key = soleKey(g, isInitialForm);
    if (key === undefined || !free(g)) continue;
    const [initial, surname] = tokens(key) as [string, string];
    const candidates = [...(bySurname.get(surname) ?? [])].filter((root) =>
      fullNamesOf.get(root)!.some((n) => tokens(n).at(-1) === surname && n.startsWith(initial)),
    );
    if (candidates.length !== 1) continue;
    merges.push({ from: g.root, into: candidates[0]!, reason: "surname" });
    absorbed.set(g.root, candidates[0]!);
  }

  // 2. One word: the candidates are the full-name people (initial forms now inside theirs) who have the
  //    word as first name, as surname or as an alias.
  const byToken = new Map<string, Set<number>>();
  const byLast = new Map<string, Set<number>>();
  const byAlias = new Map<string, Set<number>>();
  for (const g of persons) {
    const root = absorbed.get(g.root) ?? g.root;
    const full = g.names.filter(isFullName);
    if (!fullNamesOf.has(root)) continue;
    for (const key of full) {
      const t = tokens(key);
      add(byToken, t[0]!, root);
      add(byToken, t.at(-1)!, root);
      add(byLast, t.at(-1)!, root);
    }
    for (const alias of g.aliases) if (isOneWord(alias)) add(byAlias, alias, root);
  }
  for (const g of persons) {
    const word = soleKey(g, isOneWord);
    if (word === undefined || !free(g)) continue;
    const candidates = new Set([...(byToken.get(word) ?? []), ...(byAlias.get(word) ?? [])]);
    if (candidates.size !== 1) continue;
    const [into] = candidates as Set<number>;
    merges.push({ from: g.root, into: into!, reason: byLast.get(word)?.has(into!) || !byAlias.get(word)?.has(into!) ? "surname" : "alias" });
  }
  return merges.sort((a, b) => a.from - b.from);
}
