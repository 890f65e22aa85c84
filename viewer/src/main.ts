/**
 * Entry point of the viewer: fetches the graph folder's files from `newsgraph serve` and starts the app,
 * or says plainly what went wrong.
 */
import "./styles.css";
import { fetchDocuments, fetchGraph, fetchInfo } from "./app/api.js";
import { startApp } from "./app/app.js";
import { documentTable, importGraph } from "./core/model.js";

function slot(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`viewer: #${id} missing from index.html`);
  return el;
}

async function main(): Promise<void> {
  const status = slot("status");
  try {
    const info = await fetchInfo();
    const [serialized, records] = await Promise.all([fetchGraph(), info.documents ? fetchDocuments() : Promise.resolve([])]);
    const graph = importGraph(serialized);
    const name = graph.getAttribute("name");
    if (name) document.title = `${name} · newsgraph`;
    startApp(
      { search: slot("search-slot"), toolbar: slot("toolbar"), sidebar: slot("sidebar"), stage: slot("stage"), overlay: slot("stage-wrap"), panel: slot("panel") },
      { graph, documents: documentTable(records), info },
    );
    if (graph.order === 0) status.textContent = "The graph is empty: the build found no entities.";
    else status.hidden = true;
    document.body.dataset["ready"] = "true";
  } catch (err) {
    status.textContent = `Could not load the graph: ${err instanceof Error ? err.message : String(err)}`;
    status.classList.add("error");
    throw err;
  }
}

void main();
