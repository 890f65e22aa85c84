/**
 * The viewer's typed state. `ViewState` is the shareable part (selection, filters, appearance, how many
 * entities are shown, label density) that lives in the URL hash; `ViewerState` adds what is transient (hover, zoom).
 */
import { NO_EXPLORATION, type Exploration } from "./exploration.js";
import type { ClaimKind } from "../../../src/graph/edge-tally.js";
import type { EntityType, RelationType } from "./model.js";

export interface Filters {
  /** Entity types the user switched off, in vocabulary order. */
  hiddenTypes: EntityType[];
  /** Relation types (other than co_occurs) the user switched off, in vocabulary order. */
  hiddenRelations: RelationType[];
  /** Show `co_occurs` edges (same-sentence mentions, not claims). */
  showCoOccurs: boolean;
  /** Edges with fewer supporting sentences are hidden. */
  minWeight: number;
  /** Claims that are not plain assertions, switched off by the user (in CLAIM_KINDS order). */
  hiddenClaims: ClaimKind[];
  /** Classified relations under this calibrated confidence are hidden (relations without one always pass). */
  minConfidence: number;
  /** Inclusive ISO date bounds (YYYY-MM-DD) on the documents an entity or relation comes from. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Show what undated documents attest: they cannot be placed in time, so it shows in any date range. */
  showUndated: boolean;
}

export { CLAIM_KINDS, type ClaimKind } from "../../../src/graph/edge-tally.js";

export const COLOR_MODES = ["type", "community"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export const SIZE_MODES = ["degree", "mentions"] as const;
export type SizeMode = (typeof SIZE_MODES)[number];

/** What the URL hash holds. */
export interface ViewState {
  selected: string | null;
  /** Document shown in the reader, if any. */
  document: string | null;
  filters: Filters;
  colorBy: ColorMode;
  sizeBy: SizeMode;
  /** At most this many entities (the best connected) are drawn; the rest come with "show more". */
  nodeLimit: number;
  /** Multi-selection, ego view, pins, hidden entities and "path to…". */
  explore: Exploration;
  /** Labels per grid cell at zoom 1 (sigma's label density); 0 labels only the selection and its neighbours. */
  labelDensity: number;
}

export interface ViewerState extends ViewState {
  /** Sigma draws a hovered node itself; a hovered edge gets its label through the reducer. */
  hoveredEdge: string | null;
  /** The camera is close enough to draw edge labels. */
  zoomedIn: boolean;
}

export interface ViewerOptions {
  /** Entities drawn at first on large graphs, and added by each "show more". */
  nodeLimit?: number;
  /** Camera ratio under which edge labels are drawn. */
  edgeLabelRatio?: number;
  /** Evidence sentences listed per relation before "show all". */
  evidencePerRelation?: number;
  /** Suggestions listed under the search box. */
  searchSuggestions?: number;
}

/** The label density a fresh page opens with, and the most the toolbar's slider gives. */
export const DEFAULT_LABEL_DENSITY = 0.6;
export const MAX_LABEL_DENSITY = 3;

export const VIEWER_DEFAULTS: Required<ViewerOptions> = {
  nodeLimit: 1000,
  edgeLabelRatio: 0.35,
  evidencePerRelation: 3,
  searchSuggestions: 8,
};

/**
 * The filters a fresh page opens with: everything shown, except co-occurrences once the graph has stated
 * relations to show (a toggle brings them back).
 */
export function defaultFilters(statedRelations = false): Filters {
  return { hiddenTypes: [], hiddenRelations: [], showCoOccurs: !statedRelations, hiddenClaims: [], minConfidence: 0, minWeight: 1, dateFrom: null, dateTo: null, showUndated: true };
}

/** The view a fresh page opens on, for a graph with or without stated (typed) relations. */
export function defaultViewState(options: ViewerOptions = {}, statedRelations = false): ViewState {
  return {
    selected: null,
    document: null,
    filters: defaultFilters(statedRelations),
    colorBy: "type",
    sizeBy: "degree",
    nodeLimit: options.nodeLimit ?? VIEWER_DEFAULTS.nodeLimit,
    explore: NO_EXPLORATION,
    labelDensity: DEFAULT_LABEL_DENSITY,
  };
}

export function initialViewerState(view: ViewState): ViewerState {
  return { ...view, hoveredEdge: null, zoomedIn: false };
}
