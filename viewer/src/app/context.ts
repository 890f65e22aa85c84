/** What every part of the viewer's UI receives: the loaded data, the store, and the app's services. */
import type { GraphIndex } from "../core/graph-index.js";
import type { DocumentTable, ViewerGraph } from "../core/model.js";
import type { PathsView } from "../core/paths.js";
import type { ViewerOptions, ViewState } from "../core/state.js";
import type { Visibility } from "../core/visibility.js";
import type { ServerInfo } from "./api.js";
import type { EvidenceReader } from "./evidence.js";
import type { Store } from "./store.js";

export interface AppContext {
  graph: ViewerGraph;
  index: GraphIndex;
  documents: DocumentTable;
  info: ServerInfo;
  store: Store;
  options: Required<ViewerOptions>;
  /** The view a fresh page opens on for this graph (what "reset" returns to). */
  defaults: ViewState;
  evidence: EvidenceReader;
  /** The entity's co-occurrences not in `graph` yet (held out at load; counted as hidden until they come in). */
  heldAround(node: string): number;
  /** What the filters currently let through. */
  visibility(): Visibility;
  /** The paths "path to…" shows, or null. */
  paths(): PathsView | null;
  /** Select an entity, centre the camera on it and open its panel. */
  focusEntity(node: string): void;
}
