// Builds the Preact dashboard into dist/web, which wrangler serves as the Worker's static assets.
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { assetHeadersFile } from "../worker/security-headers.ts";

/** Writes dist/web/_headers: the static-asset router sends these security headers with every page. */
function securityHeaders(): Plugin {
  return {
    name: "mi-core-security-headers",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "_headers", source: assetHeadersFile() });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact(), securityHeaders()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    target: "es2022",
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
});
