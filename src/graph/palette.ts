/**
 * The colour of each entity type, shared by the build (the `color` node attribute of graph.json) and the
 * viewer (nodes, legend, filters, search). The colours are six of the eight of Okabe and Ito's palette
 * for colour-blind readers ("Color Universal Design", Okabe & Ito 2008; Wong, Nature Methods 8:441,
 * 2011): they stay distinct under protanopia, deuteranopia and tritanopia. Its yellow and black are left
 * out, the first unreadable on white, the second taken for text.
 */
import type { EntityType } from "../types.js";

export const TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  person: "#d55e00", // vermillion
  organization: "#0072b2", // blue
  country: "#009e73", // bluish green
  location: "#56b4e9", // sky blue
  project: "#cc79a7", // reddish purple
  event: "#e69f00", // orange
};
