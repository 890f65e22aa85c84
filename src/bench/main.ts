#!/usr/bin/env node
/**
 * `npm run bench`: newsgraph's benchmarks, one section after another, each printed as it finishes.
 * Options (defaults run everything):
 *   --sections taggers,parser,stages,build,layout   sections to run
 *   --only bbc,reuters / --skip reuters      corpora of the stages and build sections
 *   --documents N                            N documents of each corpus, spread evenly (default all)
 *   --clock wall|cpu                         the stages section's times: wall (default) or CPU (the
 *                                            extracting thread's own where the platform gives it)
 * Add a section by appending to SECTIONS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { handleError } from "../cli/output.js";
import { NewsgraphError } from "../errors.js";
import { benchInput, selectCorpora, type BenchCorpus } from "./corpus.js";
import { benchFullBuild, builtGraphFolder, formatFullBuildBench, requireCli } from "./full-build.js";
import { benchLayout, formatLayoutBench } from "./layout.js";
import { benchParser, formatParserBench } from "./parser.js";
import { benchStages, formatStageBench, type ClockKind } from "./stages.js";
import { benchTagger, formatTaggerBench } from "./tagger.js";

interface Run {
  corpora: BenchCorpus[];
  documents: number | undefined;
  clock: ClockKind;
  /** A temporary folder of the run (sample inputs, built graphs). */
  work: string;
}

interface Section {
  name: string;
  title: string;
  /** The report's blocks, yielded as they are measured. */
  run: (run: Run) => AsyncIterable<string>;
}

/** One block per corpus of the run. */
async function* perCorpus(run: Run, measure: (corpus: BenchCorpus, input: string) => Promise<string>): AsyncIterable<string> {
  for (const corpus of run.corpora) {
    const load = loadavg().map((l) => l.toFixed(1));
    yield `${await measure(corpus, benchInput(corpus, run.documents, run.work))}\n  (load average before: ${load.join(", ")} on ${availableParallelism()} cores)`;
  }
}

const SECTIONS: Section[] = [
  {
    name: "taggers",
    title: "Sequence taggers on CoNLL sentences (one core)",
    run: async function* () {
      yield formatTaggerBench(benchTagger());
    },
  },
  {
    name: "parser",
    title: "Dependency parser (one core)",
    run: async function* () {
      yield formatParserBench(await benchParser());
    },
  },
  {
    name: "stages",
    title: "Pipeline stages on one core, and compromise on the same texts",
    run: (run) => perCorpus(run, async (corpus, input) => formatStageBench(await benchStages(corpus, input, run.clock, run.work))),
  },
  {
    name: "build",
    title: "Full build (default workers), adding one article, CLI cold start",
    run: (run) => perCorpus(run, async (corpus, input) => formatFullBuildBench(benchFullBuild(corpus, input, run.work))),
  },
  {
    name: "layout",
    title: "Layout of the built graph: default against a thorough reference (CPU time and quality)",
    run: (run) => perCorpus(run, async (corpus, input) => formatLayoutBench(benchLayout([builtGraphFolder(corpus, input, run.work)]))),
  },
];

const list = (value: string | undefined) => value?.split(",").map((s) => s.trim()).filter(Boolean);

function parseOptions(argv: string[]): { sections: Section[]; run: Omit<Run, "work"> } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { sections: { type: "string" }, only: { type: "string" }, skip: { type: "string" }, documents: { type: "string" }, clock: { type: "string", default: "wall" } },
    }));
  } catch (err) {
    throw new NewsgraphError("BAD_ARGUMENT", `bench: ${(err as Error).message}`);
  }
  const names = list(values.sections) ?? SECTIONS.map((s) => s.name);
  for (const name of names) if (!SECTIONS.some((s) => s.name === name)) throw new NewsgraphError("BAD_ARGUMENT", `bench: --sections takes ${SECTIONS.map((s) => s.name).join(", ")} (got ${JSON.stringify(name)})`);
  const documents = values.documents === undefined ? undefined : Number(values.documents);
  if (documents !== undefined && !(Number.isInteger(documents) && documents > 0)) throw new NewsgraphError("BAD_ARGUMENT", `bench: --documents takes a positive integer (got ${JSON.stringify(values.documents)})`);
  if (values.clock !== "wall" && values.clock !== "cpu") throw new NewsgraphError("BAD_ARGUMENT", `bench: --clock takes wall or cpu (got ${JSON.stringify(values.clock)})`);
  const sections = SECTIONS.filter((s) => names.includes(s.name));
  const corpora = sections.some((s) => s.name === "stages" || s.name === "build" || s.name === "layout") ? selectCorpora(list(values.only), list(values.skip)) : [];
  return { sections, run: { corpora, documents, clock: values.clock } };
}

try {
  const { sections, run } = parseOptions(process.argv.slice(2));
  if (sections.some((s) => s.name === "build" || s.name === "layout")) requireCli(); // before the sections that run first
  const work = mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
  try {
    for (const section of sections) {
      process.stdout.write(`## ${section.title}\n`);
      for await (const block of section.run({ ...run, work })) process.stdout.write(`${block}\n\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} catch (err) {
  handleError(err);
}
