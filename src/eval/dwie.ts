/**
 * Scores an Extractor on DWIE (Deutsche Welle news, DocRED layout as distributed by LogiRE/MILR): each
 * document's tokens are joined back into text, extracted, and compared with the annotation. Predicted
 * entities map to gold entities by overlapping mentions; gold entities of type person, organization,
 * location and event are scored. Relations are scored on the DWIE labels that map to our vocabulary
 * (head_of_state/head_of_gov/head_of → leader_of, minister_of → official_of, member_of, citizen_of,
 * based_in, in and event_in (all levels) → located_in, agency_of/ministry_of/part_of → part_of, is_meeting → meets,
 * sanctions, founder_of → founded); a predicted relation of those types is a false positive unless the
 * gold document states it between the mapped entities.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../errors.js";
import type { Extractor } from "../extract/extractor.js";
import { extractDocument } from "../extract/index.js";
import { sha256 } from "../corpus/read.js";
import { SYMMETRIC_RELATIONS, type RelationType } from "../types.js";
import { score, type Score } from "./gold.js";

interface DwieMention {
  name: string;
  pos: [number, number];
  type: string;
}

interface DwieDocument {
  title: string;
  sents: string[][];
  vertexSet: DwieMention[][];
  labels: { r: string; h: number; t: number }[];
}

export interface DwieReport {
  documents: number;
  entities: Score;
  relations: Score;
  byRelation: Partial<Record<RelationType, Score>>;
}

const SCORED_ENTITY_TYPES = new Set(["type::person", "type::organization", "type::location", "type::event"]);

/** Our relation type for a DWIE label, or undefined when it is not scored. */
export function mapDwieRelation(label: string): RelationType | undefined {
  if (label.endsWith("-x")) return undefined;
  if (["head_of_state", "head_of_gov", "head_of"].includes(label)) return "leader_of";
  if (label === "minister_of") return "official_of";
  if (label === "member_of" || label === "citizen_of" || label === "sanctions") return label;
  if (/^(?:based_in\d*|in\d+|event_in\d*)$/.test(label)) return "located_in";
  if (["agency_of", "ministry_of", "part_of"].includes(label)) return "part_of";
  if (label === "is_meeting") return "meets";
  if (label === "founder_of") return "founded";
  return undefined;
}

const SCORED_RELATIONS = new Set<RelationType>(["leader_of", "official_of", "member_of", "citizen_of", "located_in", "part_of", "meets", "sanctions", "founded"]);

function readDwie(path: string): DwieDocument[] {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as DwieDocument[];
    if (!Array.isArray(data) || !data.every((d) => Array.isArray(d.sents) && Array.isArray(d.vertexSet))) throw new Error("not a DWIE/DocRED array");
    return data;
  } catch (err) {
    throw new NewsgraphError("INPUT_JSONL", `${path}: cannot read DWIE data (${(err as Error).message})`, { file: path });
  }
}

/** Rebuild the text of a document and the character span of each token. */
function textOf(doc: DwieDocument): { text: string; spans: [number, number][] } {
  const tokens = doc.sents.flat();
  const spans: [number, number][] = [];
  let text = "";
  for (const tok of tokens) {
    if (tok === "\n") {
      text = text.trimEnd() + "\n";
      spans.push([text.length, text.length]);
      continue;
    }
    if (text.length > 0 && !text.endsWith("\n")) text += " ";
    spans.push([text.length, text.length + tok.length]);
    text += tok;
  }
  return { text, spans };
}

/** Score an extractor on a DWIE file. */
export function evalDwie(extractor: Extractor, path: string, options: { limit?: number } = {}): DwieReport {
  const docs = readDwie(path).slice(0, options.limit ?? Infinity);
  let eTp = 0, eFp = 0, eFn = 0, rTp = 0, rFp = 0, rFn = 0;
  const per = new Map<RelationType, { tp: number; fp: number; fn: number }>();
  const bump = (rel: RelationType, k: "tp" | "fp" | "fn") => {
    const s = per.get(rel) ?? { tp: 0, fp: 0, fn: 0 };
    s[k]++;
    per.set(rel, s);
  };
  for (const d of docs) {
    const { text, spans } = textOf(d);
    const x = extractDocument(extractor, { id: d.title, path, sha256: sha256(text), text });
    // Gold mentions as character spans.
    const goldSpans = d.vertexSet.flatMap((ms, g) => ms.map((m) => ({ g, start: spans[m.pos[0]]![0], end: spans[m.pos[1] - 1]![1] })));
    const goldType = d.vertexSet.map((ms) => ms[0]?.type ?? "");
    // A demonym mention ("German") votes for the gold adjective entity; DWIE's gpe0 label leads to the country.
    const countryOfDemonym = new Map<number, number>();
    for (const l of d.labels) if (l.r === "gpe0") countryOfDemonym.set(l.h, l.t);
    const goldOf = new Map<string, number>();
    for (const e of x.entities) {
      const votes = new Map<number, number>();
      for (const m of e.mentions) for (const s of goldSpans) if (m.start < s.end && s.start < m.end) votes.set(s.g, (votes.get(s.g) ?? 0) + 1);
      const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (best) goldOf.set(e.id, e.type === "country" ? (countryOfDemonym.get(best[0]) ?? best[0]) : best[0]);
    }
    const found = new Set(goldOf.values());
    for (const e of x.entities) {
      const g = goldOf.get(e.id);
      if (g === undefined) eFp++;
    }
    d.vertexSet.forEach((_, g) => {
      if (!SCORED_ENTITY_TYPES.has(goldType[g]!)) return;
      if (found.has(g)) eTp++;
      else eFn++;
    });

    const gold = new Set<string>();
    for (const l of d.labels) {
      const rel = mapDwieRelation(l.r);
      if (rel) gold.add(`${l.h}|${rel}|${l.t}`);
    }
    const predicted = new Set<string>();
    for (const r of x.relations) {
      if (r.negated || !SCORED_RELATIONS.has(r.relation)) continue;
      const h = goldOf.get(r.source);
      const t = goldOf.get(r.target);
      const key = `${h ?? `p${r.source}`}|${r.relation}|${t ?? `p${r.target}`}`;
      const mirror = `${t ?? `p${r.target}`}|${r.relation}|${h ?? `p${r.source}`}`;
      if (predicted.has(key) || predicted.has(mirror)) continue;
      predicted.add(key);
      if (gold.has(key) || (SYMMETRIC_RELATIONS.has(r.relation) && gold.has(mirror))) {
        rTp++;
        bump(r.relation, "tp");
        gold.delete(key);
        gold.delete(mirror);
      } else {
        rFp++;
        bump(r.relation, "fp");
      }
    }
    for (const key of gold) {
      rFn++;
      bump(key.split("|")[1] as RelationType, "fn");
    }
  }
  const byRelation: Partial<Record<RelationType, Score>> = {};
  for (const [rel, s] of [...per].sort((a, b) => a[0].localeCompare(b[0]))) byRelation[rel] = score(s.tp, s.fp, s.fn);
  return { documents: docs.length, entities: score(eTp, eFp, eFn), relations: score(rTp, rFp, rFn), byRelation };
}
