#!/usr/bin/env node
/**
 * The newsgraph command line: registers the commands (one per file of ./commands) and runs the one asked
 * for. Only that command's module is imported, so a query does not load the build, the NLP models, the
 * server or the layout libraries; help, or a name that is no command, registers them all.
 * Commands are thin: they parse options, call the library, and print.
 */
import { Command } from "commander";
import { VERSION } from "../version.js";
import { handleError, oneLine } from "./output.js";

type Register = (parent: Command) => void;

/** Each top-level command's module, by name. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  build: async () => (await import("./commands/build.js")).registerBuild,
  serve: async () => (await import("./commands/serve.js")).registerServe,
  neighbors: async () => (await import("./commands/neighbors.js")).registerNeighbors,
  show: async () => (await import("./commands/show.js")).registerShow,
  search: async () => (await import("./commands/search.js")).registerSearch,
  stats: async () => (await import("./commands/stats.js")).registerStats,
  path: async () => (await import("./commands/path.js")).registerPath,
  why: async () => (await import("./commands/why.js")).registerWhy,
  timeline: async () => (await import("./commands/timeline.js")).registerTimeline,
  export: async () => (await import("./commands/export.js")).registerExport,
  parse: async () => (await import("./commands/parse.js")).registerParse,
};

/** The subcommands of `eval`. */
const EVAL_COMMANDS: (() => Promise<Register>)[] = [
  async () => (await import("./commands/eval-gold.js")).registerEvalGold,
  async () => (await import("./commands/eval-relations.js")).registerEvalRelations,
  async () => (await import("./commands/eval-conll.js")).registerEvalConll,
  async () => (await import("./commands/eval-ud.js")).registerEvalUd,
];

/** Register the command named on the command line (its first word not starting with "-"), or all of them. */
async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const name = args.find((a) => !a.startsWith("-"));
  const all = name === undefined || name === "help" || (name !== "eval" && !(name in COMMANDS));
  for (const [command, load] of Object.entries(COMMANDS)) if (all || command === name) (await load())(program);
  if (all || name === "eval") {
    const evalCommand = program.command("eval").description("score newsgraph against reference data");
    for (const load of EVAL_COMMANDS) (await load())(evalCommand);
  }
}

// A reader that stops early (`newsgraph neighbors x | head`) closes the pipe: the output is no longer
// wanted, so the command ends quietly, as other command-line tools do, instead of with a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const program = new Command();
program
  .name("newsgraph")
  .description("Turn news articles into a knowledge graph of entities and evidence-backed relations.")
  .version(VERSION)
  .option("--verbose", "print stack traces of internal errors")
  .showHelpAfterError()
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`${oneLine(message)}\n`) });

registerCommands(program, process.argv.slice(2))
  .then(() => program.parseAsync(process.argv))
  .catch((err: unknown) => handleError(err));
