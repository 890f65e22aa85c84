/**
 * What the browser tests share: the compiled CLI (`newsgraph serve` run as a user runs it, on a free
 * port), Debian's Chromium driven by playwright-core with the flags that make WebGL work headless, a
 * console watcher, and screenshots kept in test-artifacts/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist", "src", "cli", "main.js");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const CHROMIUM = process.env["NEWSGRAPH_CHROMIUM"] ?? "/usr/bin/chromium";

/** Flags from TOOLCHAIN.md: WebGL on SwiftShader, nothing that reaches the network. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-swiftshader",
];

/** Fail early, saying what to do, when the test needs are not met. */
export function checkPrerequisites(): void {
  if (!existsSync(CLI) || !existsSync(join(ROOT, "viewer", "dist", "index.html"))) {
    throw new Error("the CLI or the viewer is not built: run `npm run build` first (npm test does)");
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set NEWSGRAPH_CHROMIUM)`);
  }
}

/** Run the compiled CLI to completion; throws with its stderr on failure. */
export function runCli(args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`newsgraph ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `newsgraph-${prefix}-`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** Start `newsgraph serve --graph DIR --port P` and wait (`timeoutMs`) for the address it prints. */
export async function serveGraph(graphDir: string, timeoutMs = 15_000): Promise<Served> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--graph", graphDir, "--port", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`newsgraph serve printed no address: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`newsgraph serve exited (${code}): ${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = tempDir("chromium");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A served graph folder and a Chromium to look at it. */
export interface ViewerSession {
  url: string;
  context: BrowserContext;
  /** Close the browser and stop the server. */
  close(): Promise<void>;
}

/** Serve a graph folder with the CLI (which checks the graph first: allow for it on large ones) and launch Chromium. */
export async function startViewerSession(graphDir: string, serveTimeoutMs?: number): Promise<ViewerSession> {
  const served = await serveGraph(graphDir, serveTimeoutMs);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await served.stop();
    throw err;
  }
  return {
    url: served.url,
    context: browser.context,
    close: async () => {
      await browser.close();
      await served.stop();
    },
  };
}

/** A new page of a session's viewer, loaded, with its console watched. */
export async function newViewerPage(session: ViewerSession): Promise<{ page: Page; problems: string[] }> {
  const page = await session.context.newPage();
  const problems = watchConsole(page);
  await openViewer(page, session.url);
  return { page, problems };
}

/**
 * The hooks of a describe block whose tests each open a fresh page on one served graph folder; a console
 * error or failed request fails the test. `opened` receives the session and each test's page.
 */
export function pagePerTest(graphDir: string, opened: (session: ViewerSession, page: Page) => void): void {
  let session: ViewerSession | undefined;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    checkPrerequisites();
    session = await startViewerSession(graphDir);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    ({ page, problems } = await newViewerPage(session!));
    opened(session!, page);
  });
  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });
}

/** Type a name in the viewer's search box and press Enter. */
export async function search(page: Page, text: string): Promise<void> {
  await page.getByTestId("search").fill(text);
  await page.getByTestId("search").press("Enter");
}

/** Collect console errors, uncaught page errors and failed requests of a page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** Open the viewer and wait until it has loaded the graph. */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
}

/** Screenshot a page or an element into test-artifacts/<name>.png and return the PNG. */
export async function keepScreenshot(target: Page | Locator, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await target.screenshot();
  writeFileSync(join(ARTIFACTS, `${name}.png`), png);
  return png;
}
