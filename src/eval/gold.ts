/**
 * Scores a built graph against a hand-made gold graph (the format of shared/gold/seeds.gold.json).
 * Nodes map to gold entities through their label and aliases; a second node for the same gold entity is
 * a false positive; optional entities and relations neither reward nor punish; a relation matches when
 * its endpoints map to the gold endpoints (either order for symmetric relations), its type is the gold
 * type or one of its `accept` types, and its polarity agrees. co_occurs edges are not claims: they never
 * satisfy a gold relation and are never counted as false positives.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../errors.js";
import { nameKey } from "../nlp/normalize.js";
import { SYMMETRIC_RELATIONS, type EntityType, type RelationType } from "../types.js";
import { dirname } from "node:path";
import { loadGraph } from "../query/load.js";

export interface GoldEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  optional?: boolean;
}

export interface GoldRelation {
  source: string;
  type: RelationType;
  target: string;
  accept?: RelationType[];
  negated?: boolean;
  optional?: boolean;
  docs?: string[];
}

export interface GoldGraph {
  entities: GoldEntity[];
  relations: GoldRelation[];
}

export interface Score {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface GoldReport {
  entities: Score;
  entitiesTyped: Score;
  relations: Score;
  missingEntities: string[];
  spuriousEntities: string[];
  missingRelations: string[];
  spuriousRelations: string[];
}

export function score(tp: number, fp: number, fn: number): Score {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return { p: round(p), r: round(r), f1: round(f1), tp, fp, fn };
}

/** Read and check a gold file. */
export function readGold(path: string): GoldGraph {
  let data: Partial<GoldGraph>;
  try {
    data = JSON.parse(readFileSync(path, "utf8")) as Partial<GoldGraph>;
  } catch (err) {
    throw new NewsgraphError("INPUT_MISSING", `${path}: cannot read gold file (${(err as Error).message})`, { file: path });
  }
  if (!Array.isArray(data.entities) || !Array.isArray(data.relations)) {
    throw new NewsgraphError("GRAPH_INVALID", `${path}: a gold file needs "entities" and "relations" arrays`, { file: path });
  }
  return { entities: data.entities, relations: data.relations };
}

/** Score the graph at `graphPath` (graph.json or its folder) against the gold file. */
export function evalGold(graphPath: string, goldPath: string): GoldReport {
  const graph = loadGraph(graphPath.endsWith(".json") ? dirname(graphPath) : graphPath).graph;
  const gold = readGold(goldPath);

  const goldByName = new Map<string, GoldEntity>();
  for (const e of gold.entities) for (const n of [e.name, ...(e.aliases ?? [])]) if (!goldByName.has(nameKey(n))) goldByName.set(nameKey(n), e);

  // Map nodes to gold entities: label first, then aliases.
  const nodeGold = new Map<string, GoldEntity>();
  graph.forEachNode((node, a) => {
    const hit = goldByName.get(nameKey(a.label)) ?? a.aliases.map((x) => goldByName.get(nameKey(x))).find(Boolean);
    if (hit) nodeGold.set(node, hit);
  });

  const seen = new Map<string, string>();
  let tp = 0;
  let tpTyped = 0;
  let fp = 0;
  let fpTyped = 0;
  const spuriousEntities: string[] = [];
  graph.forEachNode((node, a) => {
    const g = nodeGold.get(node);
    if (!g) {
      fp++;
      fpTyped++;
      spuriousEntities.push(`${a.label} (${a.type})`);
      return;
    }
    if (g.optional) return;
    if (seen.has(g.id)) {
      fp++;
      fpTyped++;
      spuriousEntities.push(`${a.label} (${a.type}, second node for ${g.name})`);
      return;
    }
    seen.set(g.id, node);
    tp++;
    if (a.type === g.type) tpTyped++;
    else fpTyped++;
  });
  const required = gold.entities.filter((e) => !e.optional);
  const missingEntities = required.filter((e) => !seen.has(e.id)).map((e) => e.name);
  const typedMissing = required.filter((e) => {
    const node = seen.get(e.id);
    return !node || graph.getNodeAttribute(node, "type") !== e.type;
  }).length;

  // Relations.
  const matched = new Set<GoldRelation>();
  const spuriousRelations: string[] = [];
  let relFp = 0;
  graph.forEachEdge((_edge, a, source, target) => {
    const gs = nodeGold.get(source);
    const gt = nodeGold.get(target);
    if (a.relation === "co_occurs") return;
    const fits = (g: GoldRelation): boolean => {
      if ((g.negated ?? false) !== a.negated) return false;
      if (![g.type, ...(g.accept ?? [])].includes(a.relation)) return false;
      const same = gs?.id === g.source && gt?.id === g.target;
      const swapped = gs?.id === g.target && gt?.id === g.source;
      return same || (swapped && (SYMMETRIC_RELATIONS.has(a.relation) || SYMMETRIC_RELATIONS.has(g.type)));
    };
    const hits = gold.relations.filter(fits);
    if (hits.length > 0) {
      for (const h of hits) matched.add(h);
      return;
    }
    if (gs?.optional || gt?.optional) return;
    relFp++;
    const label = (n: string) => graph.getNodeAttribute(n, "label");
    spuriousRelations.push(`${label(source)} ${a.negated ? "NOT " : ""}${a.relation} ${label(target)}`);
  });
  const requiredRelations = gold.relations.filter((r) => !r.optional);
  const relTp = requiredRelations.filter((r) => matched.has(r)).length;
  const name = (id: string) => gold.entities.find((e) => e.id === id)?.name ?? id;
  const missingRelations = requiredRelations.filter((r) => !matched.has(r)).map((r) => `${name(r.source)} ${r.negated ? "NOT " : ""}${r.type} ${name(r.target)}`);

  return {
    entities: score(tp, fp, missingEntities.length),
    entitiesTyped: score(tpTyped, fpTyped, typedMissing),
    relations: score(relTp, relFp, requiredRelations.length - relTp),
    missingEntities,
    spuriousEntities,
    missingRelations,
    spuriousRelations,
  };
}
