import { readFileSync } from "fs";
import { readCache } from "./dist/src/build/cache.js";
import { readEntry } from "./dist/src/build/extract-work.js";
import { EXTRACTOR_VERSION } from "./dist/src/build/extractor-version.js";
import { resolveCorpus } from "./dist/src/graph/resolve-corpus.js";
import { planGraph, assembleSerializedGraph } from "./dist/src/graph/assemble.js";
const docs = readFileSync("/tmp/reu/documents.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const cache = readCache("/tmp/reu", EXTRACTOR_VERSION).entries;
const works = docs.map((d) => readEntry(cache.get(d.sha256), d));
const extractions = works.map((w) => w.extraction);
let t = performance.now();
const res = resolveCorpus(extractions);
console.log("resolve", (performance.now() - t).toFixed(0));
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const plan = planGraph(extractions, res);
  console.log("plan", (performance.now() - t).toFixed(0));
  t = performance.now();
  assembleSerializedGraph(extractions, res, {}, plan);
  console.log("assemble", (performance.now() - t).toFixed(0));
}
{
  const plan = planGraph(extractions, res);
  const e = plan.edges.slice().reverse();
  let t = performance.now();
  e.sort((a, b) => (a.key < b.key ? -1 : 1));
  console.log("sort alone", (performance.now() - t).toFixed(0), e.length);
  const keys = e.map(x => x.key); for (let i = keys.length - 1; i > 0; i--) { const j = (i * 7919) % (i + 1); [keys[i], keys[j]] = [keys[j], keys[i]]; }
  t = performance.now(); keys.sort(); console.log("sort strings", (performance.now() - t).toFixed(0));
  const e2 = e.slice(); for (let i = e2.length - 1; i > 0; i--) { const j = (i * 7919) % (i + 1); [e2[i], e2[j]] = [e2[j], e2[i]]; }
  t = performance.now(); e2.sort((a, b) => (a.key < b.key ? -1 : 1)); console.log("sort objects shuffled", (performance.now() - t).toFixed(0));
}
