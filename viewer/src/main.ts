/**
 * Entry point of the viewer: fetches the graph folder's files from `newsgraph serve` and starts the app,
 * or says plainly what went wrong.
 */
import "./styles.css";
import { fetchDocuments, fetchInfo } from "./app/api.js";
import { startApp } from "./app/app.js";
import { loadGraph } from "./app/load-graph.js";
import { createStage } from "./app/programs.js";
import { runInSlices } from "./app/slices.js";
import { documentDateRange, graphIndexSteps } from "./core/graph-index.js";
import { countText } from "./core/format.js";
import { documentTable } from "./core/model.js";
import { TIME_STRIP_CLASS } from "./ui/time-strip.js";

function slot(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`viewer: #${id} missing from index.html`);
  return el;
}

async function main(): Promise<void> {
  const status = slot("status");
  try {
    const progress = (loaded: number) => (status.textContent = `Loading the graph… ${countText(loaded)} relations`);
    // All at once: the graph's download, the folder's description and documents, and sigma's stage, whose
    // shaders compile while the worker downloads the graph (a stage that cannot be made, without WebGL, is
    // reported at once, not after the download).
    const described = fetchInfo().then(async (info) => ({ info, documents: documentTable(info.documents ? await fetchDocuments() : []) }));
    // Dated documents give the graph a time line under it: its room is taken now, so that the stage's
    // canvases are sized once, for good (app/programs.ts).
    const overlay = slot("stage-wrap");
    const sized = described.then(({ documents }) => overlay.classList.toggle(TIME_STRIP_CLASS, documentDateRange(documents) !== null));
    const { started, loaded } = loadGraph(progress);
    const [{ graph, held, rest }, { info, documents }, stage] = await Promise.all([loaded, described, createStage(slot("stage"), started, sized)]);
    performance.mark("newsgraph:loaded");
    const index = await runInSlices(graphIndexSteps(graph, documents, held));
    performance.mark("newsgraph:indexed");
    const name = graph.getAttribute("name");
    if (name) document.title = `${name} · newsgraph`;
    await startApp(
      { search: slot("search-slot"), toolbar: slot("toolbar"), sidebar: slot("sidebar"), stage, overlay, panel: slot("panel") },
      { graph, documents, info, index, held, rest },
    );
    performance.mark("newsgraph:started");
    if (graph.order === 0) status.textContent = "The graph is empty: the build found no entities.";
    else status.hidden = true;
    document.body.dataset["ready"] = "true";
    rest.done.catch((err: unknown) => {
      status.hidden = false;
      status.textContent = `Could not load the co-occurrences: ${err instanceof Error ? err.message : String(err)}`;
      status.classList.add("error");
    });
  } catch (err) {
    status.textContent = `Could not load the graph: ${err instanceof Error ? err.message : String(err)}`;
    status.classList.add("error");
    throw err;
  }
}

void main();
