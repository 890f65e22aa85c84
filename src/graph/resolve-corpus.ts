/**
 * Resolution across documents: the entities of each document's extraction are merged into corpus
 * entities by canonical name, by alias overlap and by surname (a lone "Smith" joins the one full-name
 * Smith of the corpus; with two different full-name Smiths, the one its document's other names point to,
 * else it stays apart). Person names compare
 * without their lowercase particles ("Bashar Assad" = "Bashar al-Assad", "bin Laden" is a surname), and
 * the label keeps the fullest form. A user alias file can force merges and forbid them. A last pass joins
 * one-word and initial forms ("Blair", "R O'Gara") to the one full-name person they can be
 * (surname-merge.ts), and an entity a document only describes joins the one named entity it fits
 * (described-merge.ts) or is left out. Every merge is logged with its reason.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../errors.js";
import { hasAccents, nameKey as normalizedName, nameWordCount, personNameKey, personShortForms } from "../nlp/normalize.js";
import type { DocEntity, DocExtraction, EntityType } from "../types.js";
import { describedMerges, type DescribedMember, type NamedGroup } from "./described-merge.js";
import { surnamesByContext } from "./surname-context.js";
import { lateSurnameMerges, type NameGroup } from "./surname-merge.js";

/** A user alias file: forced merges (all names become one entity, under `label`) and names never merged. */
export interface UserAliases {
  merge: { label: string; names: string[] }[];
  split: string[];
}

/** One line of merges.jsonl. */
export interface MergeRecord {
  into: string;
  forms: string[];
  reason: "same-name" | "alias" | "surname" | "acronym" | "user" | "description";
}

/** An entity of the corpus: the doc entities it gathers. */
export interface CorpusEntity {
  label: string;
  type: EntityType;
  members: { doc: string; entity: DocEntity }[];
}

export interface CorpusResolution {
  entities: CorpusEntity[];
  /** For each extraction (in the order given), its local entity id → index into entities. */
  entityOf: Map<string, number>[];
  merges: MergeRecord[];
}

/** Read and check a user alias file. */
export function readUserAliases(path: string): UserAliases {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new NewsgraphError("ALIASES_INVALID", `${path}: cannot read alias file (${(err as Error).message})`, { file: path });
  }
  const d = data as Partial<UserAliases>;
  const okMerge = Array.isArray(d.merge ?? []) && (d.merge ?? []).every((m) => typeof m?.label === "string" && Array.isArray(m.names) && m.names.every((n) => typeof n === "string"));
  const okSplit = Array.isArray(d.split ?? []) && (d.split ?? []).every((n) => typeof n === "string");
  if (typeof data !== "object" || data === null || !okMerge || !okSplit) {
    throw new NewsgraphError("ALIASES_INVALID", `${path}: expected {"merge": [{"label": "...", "names": ["..."]}], "split": ["..."]}`, { file: path });
  }
  return { merge: d.merge ?? [], split: d.split ?? [] };
}

/** A function of names that computes each distinct name once (for one resolution: no bound needed). */
function memoized(compute: (name: string) => string): (name: string) => string {
  const memo = new Map<string, string>();
  return (name) => {
    let key = memo.get(name);
    if (key === undefined) {
      key = compute(name);
      memo.set(name, key);
    }
    return key;
  };
}

const TYPE_ORDER: EntityType[] = ["country", "person", "organization", "location", "event", "project"];

/** An acronym as a name's alias ("WEC" for World Energy Council). */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** Merge the documents' entities into corpus entities. */
export function resolveCorpus(extractions: DocExtraction[], aliases: UserAliases = { merge: [], split: [] }): CorpusResolution {
  const members: { doc: string; entity: DocEntity }[] = [];
  const docOf: number[] = [];
  /** Per extraction, its local entity id → member index. */
  const memberOf = extractions.map(() => new Map<string, number>());
  extractions.forEach((x, d) => {
    for (const e of x.entities) {
      memberOf[d]!.set(e.id, members.length);
      members.push({ doc: x.doc.id, entity: e });
      docOf.push(d);
    }
  });
  // Names recur across documents: each distinct name is normalized once, and each member's keys are
  // looked up once.
  const nameKey = memoized(normalizedName);
  const personKey = memoized(personNameKey);
  const keyOf = members.map((m) => nameKey(m.entity.name));
  const personKeyOf = members.map((m) => personKey(m.entity.name));
  const parent = members.map((_, i) => i);
  const reasons = new Map<number, MergeRecord["reason"]>();
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number, reason: MergeRecord["reason"]) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    if (!reasons.has(keep) || reason === "user") reasons.set(keep, reason);
  };
  const split = new Set(aliases.split.map(nameKey));
  const forced = new Map<string, number>();
  aliases.merge.forEach((m, i) => m.names.concat(m.label).forEach((n) => forced.set(nameKey(n), i)));

  // 1. Same name, whatever the tagger's type in each document (it may type one name differently in two),
  //    except that a country is never one with a namesake of another type ("Jordan" the surname).
  const slot = (key: string, type: EntityType) => (type === "country" ? `${key}\u0000country` : key);
  const byName = new Map<string, number>();
  // A lone surname whose document's context picks one of several full-name people joins that person in step 4.
  const byContext = surnamesByContext(
    members.map((m, i) => ({ doc: docOf[i]!, key: m.entity.type === "person" ? personKeyOf[i]! : keyOf[i]!, person: m.entity.type === "person" })),
  );
  members.forEach((m, i) => {
    if (m.entity.description) return; // what a document only describes is resolved in step 6
    if (byContext.has(i) && !split.has(keyOf[i]!)) return;
    const key = slot(keyOf[i]!, m.entity.type);
    const first = byName.get(key);
    if (first === undefined) byName.set(key, i);
    else union(first, i, "same-name");
  });
  // 2. User merges.
  const forcedFirst = new Map<number, number>();
  if (forced.size > 0) {
    members.forEach((m, i) => {
      const group = [m.entity.name, ...m.entity.aliases].map((n) => forced.get(nameKey(n))).find((g) => g !== undefined);
      if (group === undefined) return;
      const first = forcedFirst.get(group);
      if (first === undefined) forcedFirst.set(group, i);
      else union(first, i, "user");
    });
  }
  // 3. Aliases that are another entity's name (not for names the user split, not across persons and non-persons).
  //    An acronym binds across documents only when the corpus expands it one way: "KWS" for Kenya Wildlife
  //    Service and for Korean Water Society leaves both apart, and the bare "KWS" with neither.
  const expansions = new Map<string, Set<string>>();
  for (const m of members) {
    for (const alias of m.entity.aliases) {
      if (!ACRONYM.test(alias)) continue;
      const key = nameKey(alias);
      expansions.set(key, (expansions.get(key) ?? new Set<string>()).add(nameKey(m.entity.name)));
    }
  }
  members.forEach((m, i) => {
    for (const alias of m.entity.aliases) {
      const key = nameKey(alias);
      const other = byName.get(slot(key, m.entity.type));
      if (other === undefined || split.has(key) || split.has(keyOf[i]!)) continue;
      if (ACRONYM.test(alias) && (expansions.get(key)?.size ?? 0) > 1) continue;
      const ot = members[other]!.entity.type;
      if ((ot === "person") !== (m.entity.type === "person")) continue;
      if (m.entity.type === "person" && !key.includes(" ")) continue; // surnames are handled below
      union(other, i, ACRONYM.test(alias) ? "acronym" : "alias");
    }
  });
  // 4. One person's full name with and without its particles; then lone surnames or given names to the
  //    one full-name person of the corpus who has them, or to the one their document's context picks
  //    among several (surname-context.ts).
  const fullNames = new Map<string, Set<number>>();
  const byFullName = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.entity.type !== "person") return;
    const full = personKeyOf[i]!;
    const parts = full.split(" ");
    if (parts.length < 2) return;
    for (const part of personShortForms(full)) {
      const set = fullNames.get(part) ?? new Set<number>();
      set.add(find(i));
      fullNames.set(part, set);
    }
    if (split.has(keyOf[i]!)) return;
    const first = byFullName.get(full);
    if (first === undefined) byFullName.set(full, i);
    else union(first, i, "same-name");
  });
  members.forEach((m, i) => {
    const key = personKeyOf[i]!;
    if (m.entity.type !== "person" || key.includes(" ") || split.has(keyOf[i]!)) return;
    const roots = new Set([...(fullNames.get(key) ?? [])].map(find));
    const chosen = byContext.get(i);
    if (roots.size === 1) union([...roots][0]!, i, "surname");
    else if (chosen !== undefined && byFullName.has(chosen)) union(byFullName.get(chosen)!, i, "surname");
  });

  // 5. On the entities built so far: a person known by one word or by an initial and a surname joins the
  //    one full-name person of the corpus it can be (see surname-merge.ts). Each such merge is logged apart.
  const groupsOf = () => {
    const groups = new Map<number, number[]>();
    members.forEach((_, i) => {
      const r = find(i);
      const list = groups.get(r) ?? [];
      list.push(i);
      groups.set(r, list);
    });
    return groups;
  };
  const before = groupsOf();
  const nameGroups: NameGroup[] = [];
  for (const [root, list] of before) {
    const es = list.map((i) => members[i]!.entity);
    const type = majorityType(es);
    const [key, keys] = type === "person" ? [personKey, personKeyOf] : [nameKey, keyOf];
    nameGroups.push({ root, type, names: list.map((i) => keys[i]!), aliases: es.flatMap((e) => e.aliases.map(key)) });
  }
  const late = lateSurnameMerges(nameGroups, new Set([...split, ...aliases.split.map(personNameKey)]));
  // Root of a full-name entity → the late merges into it: the forms each brought and why.
  const lateInto = new Map<number, { forms: string[]; reason: MergeRecord["reason"] }[]>();
  const lateMember = new Set<number>();
  for (const m of late) {
    const list = lateInto.get(m.into) ?? [];
    list.push({ forms: [...new Set(before.get(m.from)!.map((i) => members[i]!.entity.name))], reason: m.reason });
    lateInto.set(m.into, list);
    for (const i of before.get(m.from)!) lateMember.add(i);
  }
  // The full-name entity stays the root (it is never merged itself), so its reason and late merges stay on it.
  for (const m of late) parent[find(m.from)] = m.into;

  // 6. A described entity ("a second gas pipeline to X") joins the one named entity it fits (described-merge.ts).
  const described = members.flatMap((m, i): DescribedMember[] => {
    const description = m.entity.description;
    if (!description) return [];
    const targetRoots = description.targets.flatMap((id) => {
      const t = memberOf[docOf[i]!]!.get(id);
      return t === undefined ? [] : [find(t)];
    });
    return [{ member: i, type: m.entity.type, description, targetRoots }];
  });
  if (described.length > 0) {
    const heads = new Set(described.map((d) => d.description.head));
    for (const [member, root] of describedMerges(described, namedGroups(extractions, members, memberOf, find, heads, nameKey))) {
      parent[member] = root;
      const list = lateInto.get(root) ?? [];
      list.push({ forms: [members[member]!.entity.name], reason: "description" });
      lateInto.set(root, list);
      lateMember.add(member);
    }
  }

  // Collect corpus entities in a stable order.
  const groups = groupsOf();
  const entities: CorpusEntity[] = [];
  const entityOf = extractions.map(() => new Map<string, number>());
  const merges: MergeRecord[] = [];
  for (const [rootIndex, list] of groups) {
    if (members[rootIndex]!.entity.description) continue; // described, and fitting no named entity
    const ms = list.map((i) => members[i]!);
    const named = ms.filter((m) => !m.entity.description).map((m) => m.entity);
    const forcedLabel = forced.size > 0 ? ms.map((m) => forced.get(nameKey(m.entity.name))).find((g) => g !== undefined) : undefined;
    const type = majorityType(named);
    const label = forcedLabel !== undefined ? aliases.merge[forcedLabel]!.label : chooseLabel(named, type);
    const index = entities.length;
    entities.push({ label, type, members: ms });
    for (const i of list) entityOf[docOf[i]!]!.set(members[i]!.entity.id, index);
    const core = list.filter((i) => !lateMember.has(i)).map((i) => members[i]!);
    const forms = [...new Set(core.map((m) => m.entity.name))].sort();
    if (forms.length > 1 || core.some((m) => m.entity.type !== type)) merges.push({ into: label, forms, reason: reasons.get(rootIndex) ?? "same-name" });
    for (const m of lateInto.get(rootIndex) ?? []) merges.push({ into: label, forms: [...new Set([label, ...m.forms])].sort(), reason: m.reason });
  }
  return { entities, entityOf, merges };
}

/**
 * The named entities built so far that a description can fit (one of their names has a word among the
 * descriptions' `heads`), with the words of their names and the entities they relate to. The others
 * could fit no description, so their words and relations are not gathered.
 */
function namedGroups(
  extractions: DocExtraction[],
  members: { entity: DocEntity }[],
  memberOf: Map<string, number>[],
  find: (i: number) => number,
  heads: ReadonlySet<string>,
  nameKey: (name: string) => string,
): NamedGroup[] {
  const wordsOf = (e: DocEntity) => [e.name, ...e.aliases].flatMap((n) => nameKey(n).split(" "));
  const candidates = new Set<number>();
  members.forEach((m, i) => {
    if (!m.entity.description && wordsOf(m.entity).some((w) => heads.has(w))) candidates.add(find(i));
  });
  const related = new Map<number, Set<number>>();
  for (const root of candidates) related.set(root, new Set<number>());
  extractions.forEach((x, d) => {
    for (const r of x.relations) {
      const a = memberOf[d]!.get(r.source);
      const b = memberOf[d]!.get(r.target);
      if (a === undefined || b === undefined) continue;
      const ra = find(a);
      const rb = find(b);
      related.get(ra)?.add(rb);
      related.get(rb)?.add(ra);
    }
  });
  const byRoot = new Map<number, DocEntity[]>();
  members.forEach((m, i) => {
    if (m.entity.description) return;
    const r = find(i);
    if (!candidates.has(r)) return;
    const list = byRoot.get(r);
    if (list) list.push(m.entity);
    else byRoot.set(r, [m.entity]);
  });
  return [...byRoot].map(([root, es]) => ({ root, type: majorityType(es), words: new Set(es.flatMap(wordsOf)), related: related.get(root)! }));
}

function majorityType(entities: DocEntity[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const e of entities) votes.set(e.type, (votes.get(e.type) ?? 0) + e.mentions.length);
  if (votes.has("country")) return "country";
  let best: EntityType = entities[0]!.type;
  let bestVotes = -1;
  for (const t of TYPE_ORDER) {
    const v = votes.get(t) ?? 0;
    if (v > bestVotes) {
      best = t;
      bestVotes = v;
    }
  }
  return best;
}

/**
 * The label: the fullest name (in words, so particles count: "Bashar al-Assad" over "Bashar
 * Assad"), then the one most documents use (a name opening with an initial, "R O'Gara", is less full), then
 * the spelling with accents ("Erdoğan" over "Erdogan").
 */
function chooseLabel(entities: DocEntity[], type: EntityType): string {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.name, (counts.get(e.name) ?? 0) + (e.type === type ? 2 : 1));
  const initial = (n: string) => /^\p{Lu}\.?\s/u.test(n);
  const score = (n: string) =>
    nameWordCount(n) * 1000 - (initial(n) ? 500 : 0) + (counts.get(n) ?? 0) + (n === n.toUpperCase() && n.length > 6 ? -5000 : 0);
  return [...counts.keys()].sort((a, b) => score(b) - score(a) || Number(hasAccents(b)) - Number(hasAccents(a)) || a.localeCompare(b))[0]!;
}
