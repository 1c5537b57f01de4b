// GET /api/docs: a readable reference page rendered on the server from the same OpenAPI document as
// /api/openapi.json — no scripts, no inline styles, no third-party assets, so it works offline and under
// the strict CSP every answer carries (worker/security-headers.ts).
import type { OpenAPIHono } from "@hono/zod-openapi";
import { openApiDocument } from "../api/openapi-document";
import type { AppEnv } from "../context";

type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string }>;
  security?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
};

/** The page's styles, served as a same-origin stylesheet: the CSP (style-src 'self') refuses inline ones. */
export const DOCS_STYLESHEET_PATH = "/api/docs/style.css";
const DOCS_STYLESHEET = `body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem}
section{border-top:1px solid #ddd;padding:.5rem 0}
.m{font:bold 12px monospace;padding:2px 6px;border-radius:4px;color:#fff;background:#555}
.get{background:#2a7}.post{background:#27c}.put,.patch{background:#c80}.delete{background:#c33}
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderReference(document: {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
}): string {
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""})${p.description ? ` — ${escapeHtml(p.description)}` : ""}</li>`,
        )
        .join("");
      const responses = Object.entries(operation.responses ?? {})
        .map(([status, response]) => `<li><b>${status}</b> ${escapeHtml(response.description ?? "")}</li>`)
        .join("");
      sections.push(`<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary ?? "")}${operation.security?.length ? " <em>(session cookie or API key)</em>" : ""}</p>
${parameters ? `<h4>Parameters</h4><ul>${parameters}</ul>` : ""}${operation.requestBody ? "<p>JSON body: see the schema in openapi.json.</p>" : ""}
<h4>Responses</h4><ul>${responses}</ul></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<link rel="stylesheet" href="${DOCS_STYLESHEET_PATH}"></head>
<body><h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors always answer
<code>{"error":{"code","message","requestId"}}</code>.</p>${sections.join("\n")}</body></html>`;
}

export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.get("/api/docs", (c) => {
    const document = openApiDocument(app, new URL(c.req.url).origin, c.var.config.appVersion);
    c.header("Cache-Control", "public, max-age=300");
    return c.html(renderReference(document as Parameters<typeof renderReference>[0]));
  });
  app.get(DOCS_STYLESHEET_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.body(DOCS_STYLESHEET, 200, { "Content-Type": "text/css; charset=utf-8" });
  });
}
