#!/usr/bin/env node
/**
 * `npm run bench`: newsgraph's benchmarks, one section after another. Each section is a title and a
 * function returning its report text; add a section by appending to SECTIONS.
 */
import { handleError } from "../cli/output.js";
import { benchCorpora, formatCorpusBench } from "./corpus.js";
import { benchParser, formatParserBench } from "./parser.js";
import { benchTagger, formatTaggerBench } from "./tagger.js";

interface Section {
  title: string;
  run: () => string | Promise<string>;
}

const SECTIONS: Section[] = [
  { title: "Sequence taggers (one core)", run: () => formatTaggerBench(benchTagger()) },
  { title: "Dependency parser (one core)", run: async () => formatParserBench(await benchParser()) },
  { title: "Build at corpus scale", run: async () => formatCorpusBench(await benchCorpora()) },
];

try {
  for (const section of SECTIONS) {
    process.stdout.write(`## ${section.title}\n`);
    process.stdout.write(`${await section.run()}\n\n`);
  }
} catch (err) {
  handleError(err);
}
