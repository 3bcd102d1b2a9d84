// Builds the page into one self-contained HTML file (viz/dist/template.html): scripts and styles inlined, no network,
// opens from file://. `src/export/html.ts` injects a graph into its empty #graph-data script.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  logLevel: "warn",
  plugins: [viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    rollupOptions: { input: fileURLToPath(new URL("./template.html", import.meta.url)) },
  },
});
