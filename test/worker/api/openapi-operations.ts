// The operations of the served OpenAPI document, as the generated tests walk them: method, path, whether
// the operation is public, its tags, the role it needs, its parameters, its JSON body schema and its statuses.
import { SELF } from "cloudflare:test";
import type { Role } from "../../../db/schema/enums";

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

export interface Parameter {
  name: string;
  in: "query" | "path";
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  tags: string[];
  public: boolean;
  role: Role | null;
  parameters: Parameter[];
  body: JsonSchema | null;
  statuses: number[];
}

interface RawOperation {
  operationId: string;
  tags?: string[];
  security: unknown[];
  "x-required-role"?: Role;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, unknown>;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** A schema with its top-level $ref followed into the document's components. */
function resolve(document: Document, schema: JsonSchema): JsonSchema {
  const name = schema.$ref?.replace("#/components/schemas/", "");
  return name ? (document.components.schemas[name] ?? schema) : schema;
}

export async function servedOperations(): Promise<Operation[]> {
  const response = await SELF.fetch("http://edge.test/api/openapi.json", {
    headers: { "CF-Connecting-IP": "10.20.255.254" },
  });
  const document = (await response.json()) as Document;
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, raw]) => {
      const body = raw.requestBody?.content["application/json"].schema;
      return {
        method: method.toUpperCase(),
        path,
        operationId: raw.operationId,
        tags: raw.tags ?? [],
        public: raw.security.length === 0,
        role: raw["x-required-role"] ?? null,
        parameters: (raw.parameters ?? []).map((p) => ({ ...p, schema: resolve(document, p.schema) })),
        body: body ? resolve(document, body) : null,
        statuses: Object.keys(raw.responses).map(Number),
      };
    }),
  );
}

/** The path with each {name} replaced by `values[name]`, URL-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}
