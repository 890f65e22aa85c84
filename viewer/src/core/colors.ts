/**
 * Colours the viewer adds on its side: one per relation type (grouped by family so related relations look
 * alike), a distinct red for negated claims, a palette for Louvain communities, and the dimmed colours of
 * what is not in focus. Entity types take the colour-blind-safe colours the build also uses
 * (src/graph/palette.ts, through the graph index); the `color` node attribute is the fallback for a type
 * outside the vocabulary.
 */
import type { RelationType } from "./model.js";

export const RELATION_COLORS: Readonly<Record<RelationType, string>> = {
  // roles and membership: blues and purples
  leader_of: "#3949ab",
  official_of: "#5c6bc0",
  works_for: "#7986cb",
  member_of: "#8e24aa",
  part_of: "#ab47bc",
  citizen_of: "#9575cd",
  // place: greens and teals
  located_in: "#2e7d32",
  visits: "#00897b",
  attends: "#26a69a",
  hosts: "#66bb6a",
  // cooperation and business: ambers and cyans
  meets: "#0288d1",
  partner_of: "#0097a7",
  supports: "#43a047",
  trades_with: "#f9a825",
  founded: "#6d4c41",
  acquires: "#8d6e63",
  involved_in: "#00acc1",
  invites: "#4fc3f7",
  // conflict: oranges and browns (red is kept for negated claims)
  opposes: "#ef6c00",
  accuses: "#d84315",
  sanctions: "#bf360c",
  conflict_with: "#ff7043",
  // loose links
  affiliated_with: "#78909c",
  related_to: "#90a4ae",
  co_occurs: "#cfd8dc",
};

/** Negated claims ("X is not a member of Y") are drawn in red and labelled with "not". */
export const NEGATED_COLOR = "#e53935";

/** Claims that are not plain assertions (possible, former) are drawn in their colour faded halfway to white. */
export function fadedColor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (shift: number) => Math.round(((n >> shift) & 0xff) / 2 + 127.5);
  return `#${[16, 8, 0].map((s) => mix(s).toString(16).padStart(2, "0")).join("")}`;
}

/** Nodes and edges out of focus while something is selected. */
export const DIMMED_NODE_COLOR = "#e4e7eb";
export const DIMMED_EDGE_COLOR = "#f0f2f4";

/** Fallback when the build gave a type no colour. */
export const DEFAULT_NODE_COLOR = "#9e9e9e";

const COMMUNITY_PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
  "#393b79",
  "#637939",
  "#8c6d31",
  "#843c39",
  "#7b4173",
  "#3182bd",
] as const;

/** Colour of a community, stable by id. */
export function communityColor(community: number): string {
  const i = ((community % COMMUNITY_PALETTE.length) + COMMUNITY_PALETTE.length) % COMMUNITY_PALETTE.length;
  return COMMUNITY_PALETTE[i]!;
}
