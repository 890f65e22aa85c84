/** Builders of document extractions for the cross-document resolution tests. */
import { resolveCorpus } from "../../src/graph/resolve-corpus.js";
import type { DocEntity, DocExtraction, EntityType } from "../../src/types.js";

let n = 0;

/** An entity with one mention of its name. */
export const entity = (name: string, type: EntityType, aliases: string[] = []): DocEntity => ({
  id: `e${++n}`,
  type,
  name,
  aliases,
  mentions: [{ text: name, start: 0, end: name.length, sentence: 0 }],
});

/** A document's extraction holding these entities. */
export const doc = (id: string, ...entities: DocEntity[]): DocExtraction => ({ doc: { id, path: `${id}.txt`, sha256: "" }, entities, relations: [] });

/** The corpus entities as "label<type>×members", sorted. */
export const labels = (x: DocExtraction[], aliases?: Parameters<typeof resolveCorpus>[1]) =>
  resolveCorpus(x, aliases).entities.map((e) => `${e.label}<${e.type}>×${e.members.length}`).sort();
