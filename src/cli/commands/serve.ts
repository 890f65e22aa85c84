/**
 * `newsgraph serve [--graph DIR] [--port N] [--host H]`: serve the viewer for a graph folder on the local
 * machine and print its address. Without --port the default port is used, or the next free one.
 */
import type { Command } from "commander";
import { echoInput, NewsgraphError } from "../../errors.js";
import { isLoopbackHost, SERVE_DEFAULTS, startServer, type RunningServer } from "../../server/server.js";

interface ServeCliOptions {
  graph: string;
  port?: string;
  host: string;
}

/** Ports tried after the default one when it is taken and no --port was given. */
const DEFAULT_PORT_ATTEMPTS = 20;

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new NewsgraphError("BAD_ARGUMENT", `--port must be an integer from 0 to 65535, got "${echoInput(value)}"`, { port: value });
  }
  return Number(value);
}

/** Start the server as the command line asks. */
export function runServe(opts: ServeCliOptions): Promise<RunningServer> {
  const explicitPort = opts.port !== undefined;
  return startServer({
    graph: opts.graph,
    host: opts.host,
    port: explicitPort ? parsePort(opts.port!) : SERVE_DEFAULTS.port,
    portAttempts: explicitPort ? 0 : DEFAULT_PORT_ATTEMPTS,
    onWarning: (message) => process.stderr.write(`newsgraph: warning: ${message}\n`),
  });
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the graph viewer on this machine and print its address")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", SERVE_DEFAULTS.graph)
    .option("-p, --port <n>", `port to listen on, 0 for any free one (default: ${SERVE_DEFAULTS.port}, or the next free one)`)
    .option("--host <host>", "address to listen on (keep it a loopback address unless you mean to share the graph)", SERVE_DEFAULTS.host)
    .action(async (opts: ServeCliOptions) => {
      if (!isLoopbackHost(opts.host)) {
        process.stderr.write(`newsgraph: warning: listening on ${opts.host}: the graph and its articles are reachable from other machines\n`);
      }
      const server = await runServe(opts);
      process.stdout.write(`newsgraph viewer: ${server.url}\n(serving ${server.graphDir}; press Ctrl+C to stop)\n`);
      const stop = () => {
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
