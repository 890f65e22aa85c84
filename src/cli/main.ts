#!/usr/bin/env node
/**
 * The newsgraph command line: registers one command per file of ./commands and runs it.
 * Commands are thin: they parse options, call the library, and print.
 */
import { Command } from "commander";
import { VERSION } from "../version.js";
import { handleError } from "./output.js";
import { registerBuild } from "./commands/build.js";
import { registerEvalGold } from "./commands/eval-gold.js";

const program = new Command();
program
  .name("newsgraph")
  .description("Turn news articles into a knowledge graph of entities and evidence-backed relations.")
  .version(VERSION)
  .option("--verbose", "print stack traces of internal errors")
  .showHelpAfterError();

registerBuild(program);
const evalCommand = program.command("eval").description("score newsgraph against reference data");
registerEvalGold(evalCommand);

program.parseAsync(process.argv).catch((err: unknown) => handleError(err));
