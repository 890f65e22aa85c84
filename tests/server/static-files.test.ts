/** Path resolution of the viewer server: nothing outside the served folder is ever reachable. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentType, resolveInside } from "../../src/server/static-files.js";

describe("resolveInside", () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), "newsgraph-static-"));
    root = join(base, "dist");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    writeFileSync(join(root, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(root, ".env"), "SECRET=1");
    writeFileSync(join(base, "secret.txt"), "outside");
    symlinkSync(base, join(root, "link-out"));
    symlinkSync(join(base, "secret.txt"), join(root, "secret-link.txt"));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each([
    ["/index.html", "index.html"],
    ["/assets/app.js", "assets/app.js"],
    ["/assets//app.js", "assets/app.js"],
  ])("serves %s", (url, file) => {
    expect(resolveInside(root, url)).toBe(join(root, file));
  });

  it.each([
    ["parent directory", "/../secret.txt"],
    ["parent after a folder", "/assets/../../secret.txt"],
    ["encoded dots", "/%2e%2e/secret.txt"],
    ["encoded slash", "/..%2fsecret.txt"],
    ["encoded everything", "/assets%2f..%2f..%2fsecret.txt"],
    ["backslash", "/..\\secret.txt"],
    ["encoded backslash", "/..%5csecret.txt"],
    ["NUL byte", "/index.html%00.js"],
    ["malformed escape", "/%E0%A4%A"],
    ["dot-file", "/.env"],
    ["symlinked folder leading outside", "/link-out/secret.txt"],
    ["symlinked file leading outside", "/secret-link.txt"],
    ["a folder", "/assets"],
    ["the root itself", "/"],
    ["a missing file", "/nope.js"],
  ])("refuses %s", (_why, url) => {
    expect(resolveInside(root, url)).toBeNull();
  });

  it("names content types, with a safe default", () => {
    expect(contentType("a/index.html")).toBe("text/html; charset=utf-8");
    expect(contentType("graph.json")).toBe("application/json; charset=utf-8");
    expect(contentType("documents.jsonl")).toBe("application/x-ndjson; charset=utf-8");
    expect(contentType("x.unknown")).toBe("application/octet-stream");
  });
});
