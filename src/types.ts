/**
 * The shared vocabulary of newsgraph: entity and relation types, the documents the corpus stage reads,
 * the per-document extraction the extract stage returns, and the attributes of the graph (the graph JSON
 * contract of DESIGN.md). Every stage imports its types from here so the contract lives in one place.
 */
import type { AbstractGraph } from "graphology-types";

/** Entity types, in display order. */
export const ENTITY_TYPES = ["person", "organization", "country", "location", "project", "event"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relation types of the DESIGN.md vocabulary. */
export const RELATION_TYPES = [
  "leader_of",
  "official_of",
  "works_for",
  "member_of",
  "part_of",
  "located_in",
  "citizen_of",
  "affiliated_with",
  "meets",
  "visits",
  "attends",
  "hosts",
  "founded",
  "acquires",
  "involved_in",
  "supports",
  "opposes",
  "accuses",
  "sanctions",
  "conflict_with",
  "partner_of",
  "trades_with",
  "invites",
  "related_to",
  "co_occurs",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations stored as undirected edges. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set<RelationType>([
  "meets",
  "conflict_with",
  "partner_of",
  "co_occurs",
]);

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

/** One article as read by the corpus stage. */
export interface Document {
  /** Stable id: derived from the file path (and line for JSONL) or the record's own id. */
  id: string;
  title?: string;
  /** ISO date YYYY-MM-DD when the document states one. */
  date?: string;
  source?: string;
  url?: string;
  /** Path of the file it came from (with `:line` for JSONL records). */
  path: string;
  /** sha256 of the text, hex. */
  sha256: string;
  /** Body text (metadata lines removed); all offsets refer to it. */
  text: string;
}

/** The line written to documents.jsonl: a document without its text. */
export type DocumentRecord = Omit<Document, "text">;

/** A token with character offsets into the document text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A sentence with character offsets into the document text and its tokens. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  tokens: Token[];
  /** Set on the pieces of a sentence cut for being too long (src/nlp/long-sentences.ts). */
  piece?: true;
}

/** One supporting sentence of an edge. */
export interface Evidence {
  doc: string;
  sentence: string;
  /** Character offsets of the sentence in the document text. */
  start: number;
  end: number;
  date?: string;
}

/** A mention of an entity in one document. */
export interface Mention {
  text: string;
  start: number;
  end: number;
  sentence: number;
}

/** An entity as resolved inside one document. */
export interface DocEntity {
  /** Local id inside the document's extraction (e.g. "e3"). */
  id: string;
  type: EntityType;
  /** Canonical name: the fullest form the document gives. */
  name: string;
  /** Other surface forms seen in the document. */
  aliases: string[];
  mentions: Mention[];
  /** Roles stated for a person ("President", "Commerce Minister"). */
  roles?: string[];
  /**
   * An entity the document only describes ("a second natural gas pipeline to X"): what the description
   * says of it. Across documents it joins the one named entity it fits, or is left out of the graph.
   */
  description?: EntityDescription;
}

/** What an indefinite description says of the entity: its head noun, its modifiers and where it leads. */
export interface EntityDescription {
  /** Lowercase head noun ("pipeline"). */
  head: string;
  /** Lowercase modifiers before the head ("natural", "gas"). */
  modifiers: string[];
  /** Ids of the document's entities the description ties it to ("to X", "between X and Y"). */
  targets: string[];
}

/** How a claim is stated: as a current fact, as a possibility (may, plans to, if), or as a past state. */
export const MODALITIES = ["asserted", "possible", "former"] as const;
export type Modality = (typeof MODALITIES)[number];

/** A relation stated in one document, between two local entity ids. */
export interface DocRelation {
  source: string;
  target: string;
  relation: RelationType;
  negated: boolean;
  predicate: string;
  /** Id of the rule that produced it (the `reason` of a rule in src/kb, "classifier", or an inference step). */
  rule: string;
  evidence: Evidence;
  /** Calibrated probability that the claim is right (absent for relation types no dev data measures). */
  confidence?: number;
  modality?: Modality;
  /** Derived at document level (the rule says how); the evidence names both sides. */
  inferred?: boolean;
  /** The classifier's strongest features for this relation. */
  features?: string[];
  /** The entity (local id) whose reported speech states the claim ("X said Y would ..."). */
  attributedTo?: string;
}

/**
 * What the bounds on the work of one document cut (src/extract/limits.ts); each count is present only
 * when not zero, and the whole record only when something was cut.
 */
export interface ExtractionLimits {
  /** Sentences longer than the taggers' and the parser's limit, cut into pieces. */
  longSentences?: number;
  /** Slices a document too large to analyse at once was cut into. */
  slices?: number;
  /** Mentions left out of entities that had more than the limit in the document. */
  mentions?: number;
  /** Evidence sentences left out of relations the document states more often than the limit. */
  evidence?: number;
}

/** What extraction returns for one document. */
export interface DocExtraction {
  doc: DocumentRecord;
  entities: DocEntity[];
  relations: DocRelation[];
  /** What the bounds on the work of one document cut, when they cut anything. */
  limits?: ExtractionLimits;
}

/** Node attributes of graph.json. */
export interface NodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  docs: string[];
  firstSeen?: string;
  lastSeen?: string;
  roles?: string[];
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
}

/** Edge attributes of graph.json. */
export interface EdgeAttributes {
  relation: RelationType;
  negated: boolean;
  predicate: string;
  /** Number of distinct supporting sentences. */
  weight: number;
  docs: string[];
  /** Number of independent stories (near-duplicate documents count once). */
  stories: number;
  evidence: Evidence[];
  rules: string[];
  /** How the claim is stated (absent on co_occurs, which is no claim). */
  modality?: Modality;
  /** The highest calibrated confidence of the sentences behind it (absent for rule-only relation types). */
  confidence?: number;
  /** Every supporting relation was derived at document level (see `rules`). */
  inferred?: boolean;
  /** Node key of the speaker whose reported speech states the claim (the first one seen). */
  attributedTo?: string;
}

/** Graph attributes of graph.json. */
export interface GraphAttributes {
  name: string;
  documents: number;
  generatedBy: string;
  relationTypes: RelationType[];
  entityTypes: EntityType[];
}

/** The knowledge graph: a graphology mixed multigraph with typed attributes. */
export type NewsGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
