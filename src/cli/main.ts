#!/usr/bin/env node
/**
 * The newsgraph command line: registers one command per file of ./commands and runs it.
 * Commands are thin: they parse options, call the library, and print.
 */
import { Command } from "commander";
import { VERSION } from "../version.js";
import { handleError, oneLine } from "./output.js";
import { registerBuild } from "./commands/build.js";
import { registerServe } from "./commands/serve.js";
import { registerNeighbors } from "./commands/neighbors.js";
import { registerShow } from "./commands/show.js";
import { registerSearch } from "./commands/search.js";
import { registerStats } from "./commands/stats.js";
import { registerPath } from "./commands/path.js";
import { registerWhy } from "./commands/why.js";
import { registerTimeline } from "./commands/timeline.js";
import { registerExport } from "./commands/export.js";
import { registerEvalGold } from "./commands/eval-gold.js";
import { registerEvalRelations } from "./commands/eval-relations.js";
import { registerEvalConll } from "./commands/eval-conll.js";
import { registerEvalUd } from "./commands/eval-ud.js";
import { registerParse } from "./commands/parse.js";

const program = new Command();
program
  .name("newsgraph")
  .description("Turn news articles into a knowledge graph of entities and evidence-backed relations.")
  .version(VERSION)
  .option("--verbose", "print stack traces of internal errors")
  .showHelpAfterError()
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`${oneLine(message)}\n`) });

registerBuild(program);
registerServe(program);
registerNeighbors(program);
registerShow(program);
registerSearch(program);
registerStats(program);
registerPath(program);
registerWhy(program);
registerTimeline(program);
registerExport(program);
registerParse(program);
const evalCommand = program.command("eval").description("score newsgraph against reference data");
registerEvalGold(evalCommand);
registerEvalRelations(evalCommand);
registerEvalConll(evalCommand);
registerEvalUd(evalCommand);

program.parseAsync(process.argv).catch((err: unknown) => handleError(err));
