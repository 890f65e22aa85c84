// Vite configuration of the viewer: the app in viewer/ is built into viewer/dist with relative asset paths,
// so `newsgraph serve` can serve it from any root. Kept apart from vitest.config.ts at the top.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  publicDir: false,
  // The GEXF writer shared with the CLI imports graphology-gexf, whose main entry is for Node (it loads
  // an XML DOM); the browser entry holds the same writer.
  resolve: { alias: [{ find: /^graphology-gexf$/, replacement: "graphology-gexf/browser/index.js" }] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: { host: "127.0.0.1" },
});
