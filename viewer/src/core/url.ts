/**
 * The shareable view in the URL hash: `#node=person:jane-doe&hide=location&co=0&hideclaim=possible&minconf=0.5&minw=2&from=2024-01-01&undated=0&labels=1.5`,
 * with the exploration's part (`also`, `ego`, `egorel`, `pin`, `hidenode`, `path`, `pathany`) from exploration.ts.
 * Only values that differ from the defaults are written, so a fresh page has an empty hash. Decoding
 * ignores anything unknown or malformed instead of failing: a pasted URL always opens.
 */
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from "./model.js";
import { decodeExploration, encodeExploration } from "./exploration.js";
import { CLAIM_KINDS, COLOR_MODES, MAX_LABEL_DENSITY, SIZE_MODES, type ClaimKind, type ViewState } from "./state.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Encode a view as a hash (without the leading "#"), relative to the defaults. */
export function encodeViewState(view: ViewState, defaults: ViewState): string {
  const params = new URLSearchParams();
  const f = view.filters;
  if (view.selected) params.set("node", view.selected);
  if (view.document) params.set("doc", view.document);
  if (f.hiddenTypes.length > 0) params.set("hide", f.hiddenTypes.join(","));
  if (f.hiddenRelations.length > 0) params.set("hiderel", f.hiddenRelations.join(","));
  if (f.showCoOccurs !== defaults.filters.showCoOccurs) params.set("co", f.showCoOccurs ? "1" : "0");
  if (f.hiddenClaims.length > 0) params.set("hideclaim", f.hiddenClaims.join(","));
  if (f.minConfidence !== defaults.filters.minConfidence) params.set("minconf", String(f.minConfidence));
  if (f.minWeight !== defaults.filters.minWeight) params.set("minw", String(f.minWeight));
  if (f.dateFrom) params.set("from", f.dateFrom);
  if (f.dateTo) params.set("to", f.dateTo);
  if (!f.showUndated) params.set("undated", "0");
  if (view.colorBy !== defaults.colorBy) params.set("color", view.colorBy);
  if (view.sizeBy !== defaults.sizeBy) params.set("size", view.sizeBy);
  if (view.nodeLimit !== defaults.nodeLimit) params.set("limit", String(view.nodeLimit));
  if (view.labelDensity !== defaults.labelDensity) params.set("labels", String(view.labelDensity));
  encodeExploration(params, view.explore);
  // Keep ":" and "," readable in the address bar; both are legal in a fragment.
  return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

function pickList<T extends string>(value: string | null, vocabulary: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(","));
  return vocabulary.filter((v) => wanted.has(v));
}

function pickOne<T extends string>(value: string | null, vocabulary: readonly T[], fallback: T): T {
  return vocabulary.find((v) => v === value) ?? fallback;
}

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/** A number in [0, 1), as a minimum confidence. */
function fraction(value: string | null, fallback: number): number {
  if (value === null || !/^0(?:\.\d+)?$/.test(value)) return fallback;
  return Number(value);
}

/** A label density: a plain decimal number from 0 to the slider's maximum. */
function labelDensity(value: string | null, fallback: number): number {
  if (value === null || !/^\d+(?:\.\d+)?$/.test(value)) return fallback;
  const n = Number(value);
  return n <= MAX_LABEL_DENSITY ? n : fallback;
}

function date(value: string | null): string | null {
  return value !== null && DATE.test(value) ? value : null;
}

/** Decode a hash (with or without "#") into a view, falling back to the defaults field by field. */
export function decodeViewState(hash: string, defaults: ViewState): ViewState {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const co = params.get("co");
  return {
    selected: params.get("node") || null,
    document: params.get("doc") || null,
    filters: {
      hiddenTypes: pickList<EntityType>(params.get("hide"), ENTITY_TYPES),
      hiddenRelations: pickList<RelationType>(params.get("hiderel"), RELATION_TYPES).filter((r) => r !== "co_occurs"),
      showCoOccurs: co === "0" ? false : co === "1" ? true : defaults.filters.showCoOccurs,
      hiddenClaims: pickList<ClaimKind>(params.get("hideclaim"), CLAIM_KINDS),
      minConfidence: fraction(params.get("minconf"), defaults.filters.minConfidence),
      minWeight: positiveInt(params.get("minw"), defaults.filters.minWeight),
      dateFrom: date(params.get("from")),
      dateTo: date(params.get("to")),
      showUndated: params.get("undated") !== "0",
    },
    colorBy: pickOne(params.get("color"), COLOR_MODES, defaults.colorBy),
    sizeBy: pickOne(params.get("size"), SIZE_MODES, defaults.sizeBy),
    nodeLimit: positiveInt(params.get("limit"), defaults.nodeLimit),
    explore: decodeExploration(params),
    labelDensity: labelDensity(params.get("labels"), defaults.labelDensity),
  };
}
