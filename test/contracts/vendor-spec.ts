// The vendors' OpenAPI 3.0 specs (test/contracts/specs/, cut from the vendors' published documents) as JSON-Schema
// validators (ajv): a request an adapter sends and a response the simulator serves are checked against the
// operation they name. Objects are closed (a field the spec does not name is an error), so a renamed field fails.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

export type Vendor = "ozon" | "wb";
type Json = Record<string, unknown>;

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

const HTTP_METHODS = ["get", "post", "put", "delete", "patch"] as const;

function load(vendor: Vendor): Json {
  return JSON.parse(readFileSync(join(import.meta.dirname, "specs", `${vendor}.json`), "utf8")) as Json;
}

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a null type, `example`/`deprecated` are dropped, objects
 * with properties are closed. Ozon answers in protobuf JSON, where an unset message or timestamp is `null`: the
 * vendor's own examples show it (posting `cancellation: null`, `client_delivery_date_begin: null`) although the
 * schema has no `nullable`, so for Ozon objects and date-times also accept null.
 */
function toJsonSchema(node: unknown, vendor: Vendor): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, vendor));
  if (!node || typeof node !== "object") return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "example" || key === "examples" || key === "nullable" || key === "deprecated") continue;
    out[key] =
      key === "properties" && value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s, vendor)]))
        : toJsonSchema(value, vendor);
  }
  if (out.type === "object" || (out.properties && !out.type)) {
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  }
  const nullable =
    source.nullable === true ||
    (vendor === "ozon" && (out.type === "object" || (out.type === "string" && out.format === "date-time")));
  if (nullable && typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

/**
 * WB's date-time: its `dateFrom` is "format: date-time" (RFC 3339, which needs an offset) yet the same text says a
 * date or a date-time without offset in Moscow time is accepted ("2019-06-20", "2019-06-20T23:59:59"). Both
 * readings are accepted for WB.
 */
const WB_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

function newAjv(vendor: Vendor): Ajv {
  // strict: false because a spec document carries OpenAPI keys (paths, info, x-*) that are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  if (vendor === "wb") ajv.addFormat("date-time", WB_DATE_TIME);
  for (const [name, [min, max]] of Object.entries(INT_RANGES)) {
    ajv.addFormat(name, {
      type: "number",
      validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
    });
  }
  ajv.addFormat("double", { type: "number", validate: () => true });
  ajv.addFormat("float", { type: "number", validate: () => true });
  // int64 ids written as decimal strings (Ozon request filters) and base64 bytes (error details).
  ajv.addFormat("byte", /^[A-Za-z0-9+/]*={0,2}$/);
  return ajv;
}

export interface Violation {
  where: string;
  problems: string[];
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === "additionalProperties"
        ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : e.keyword === "enum"
          ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
          : "";
    return `${e.instancePath || "/"} ${e.message ?? e.keyword}${extra}`;
  });
}

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export interface VendorRequestShape {
  method: string;
  /** The path after the vendor's host (the simulator's /ozon or /wb/<host> prefix removed). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Operation {
  method: string;
  template: string;
  raw: Json;
}

/** One vendor's spec: operations by method and path template, validators compiled on first use. */
export class VendorSpec {
  readonly vendor: Vendor;
  readonly document: Json;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(vendor: Vendor) {
    this.vendor = vendor;
    this.ajv = newAjv(vendor);
    this.document = load(vendor);
    const converted = toJsonSchema(this.document, vendor) as Json;
    this.ajv.addSchema({ ...converted, $id: `spec:${vendor}` });
  }

  operations(): Operation[] {
    const paths = this.document.paths as Record<string, Json>;
    return Object.entries(paths).flatMap(([template, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((m) => ({ method: m, template, raw: item[m] as Json })),
    );
  }

  /** The operation whose method and template match a concrete path; undefined when the spec has none. */
  find(method: string, path: string): Operation | undefined {
    return this.operations().find(
      (op) =>
        op.method === method.toLowerCase() &&
        new RegExp(`^${op.template.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
    );
  }

  private operation(method: string, path: string): Operation {
    const op = this.find(method, path);
    if (!op) throw new Error(`${this.vendor} spec has no ${method.toUpperCase()} ${path}`);
    return op;
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `spec:${this.vendor}#${ref}` });
      this.compiled.set(ref, validate);
    }
    return validate;
  }

  private resolve(node: unknown): Json {
    let current = node as Json;
    while (current && typeof current.$ref === "string") {
      current = current.$ref
        .slice(2)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<Json>((at, part) => at[part] as Json, this.document);
    }
    return current;
  }

  /** Checks a request against its operation: body, query parameters (required, known, typed) and the method. */
  checkRequest(request: VendorRequestShape): Violation[] {
    const op = this.operation(request.method, request.path);
    const base = pointer("", "paths", op.template, op.method);
    const violations: Violation[] = [];
    const parameters = [
      ...(((this.document.paths as Record<string, Json>)[op.template]?.parameters as unknown[]) ?? []),
      ...((op.raw.parameters as unknown[]) ?? []),
    ].map((p) => this.resolve(p) as { name: string; in: string; required?: boolean; schema?: Json });
    const query = request.query ?? {};
    const queryParameters = parameters.filter((p) => p.in === "query");
    for (const name of Object.keys(query)) {
      if (!queryParameters.some((p) => p.name === name))
        violations.push({ where: `query ${name}`, problems: ["not a parameter of the operation"] });
    }
    for (const parameter of queryParameters) {
      const value = query[parameter.name];
      if (value === undefined) {
        if (parameter.required) violations.push({ where: `query ${parameter.name}`, problems: ["missing"] });
        continue;
      }
      const schema = toJsonSchema(parameter.schema ?? {}, this.vendor) as Json;
      const typed = schema.type === "integer" || schema.type === "number" ? Number(value) : value;
      const asBoolean =
        schema.type === "boolean" ? value === "true" || (value === "false" ? false : value) : typed;
      const validate = this.ajv.compile(schema);
      if (!validate(asBoolean))
        violations.push({ where: `query ${parameter.name}`, problems: describe(validate.errors) });
    }
    const requestBody = op.raw.requestBody ? this.resolve(op.raw.requestBody) : undefined;
    if (requestBody) {
      const content = requestBody.content as Record<string, { schema?: unknown }>;
      if (request.body === undefined) {
        if (requestBody.required) violations.push({ where: "body", problems: ["missing"] });
      } else if (content["application/json"]?.schema) {
        const ref = `${base}/requestBody/content/application~1json/schema`;
        const refNode = op.raw.requestBody as Json;
        const schemaRef =
          typeof refNode.$ref === "string"
            ? `${refNode.$ref.slice(1)}/content/application~1json/schema`
            : ref;
        const validate = this.validator(schemaRef);
        if (!validate(request.body)) violations.push({ where: "body", problems: describe(validate.errors) });
      }
    } else if (request.body !== undefined) {
      violations.push({ where: "body", problems: ["the operation takes no body"] });
    }
    return violations;
  }

  /** Checks a response body against the operation's schema for its status (or `default`). */
  checkResponse(method: string, path: string, status: number, body: unknown): Violation[] {
    const op = this.operation(method, path);
    const responses = op.raw.responses as Record<string, unknown>;
    const key = responses[String(status)] ? String(status) : responses.default ? "default" : undefined;
    if (!key) return [{ where: `status ${status}`, problems: ["not a documented status of the operation"] }];
    const response = this.resolve(responses[key]);
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    if (!content) {
      return body === undefined || body === "" || body === null
        ? []
        : [{ where: `status ${status}`, problems: ["the spec gives this status no body"] }];
    }
    const json = content["application/json"];
    if (!json?.schema) return [];
    const responseRef = responses[key] as Json;
    const ref =
      typeof responseRef.$ref === "string"
        ? `${responseRef.$ref.slice(1)}/content/application~1json/schema`
        : pointer(
            "",
            "paths",
            op.template,
            op.method,
            "responses",
            key,
            "content",
            "application/json",
            "schema",
          );
    const validate = this.validator(ref);
    return validate(body) ? [] : [{ where: `response ${status}`, problems: describe(validate.errors) }];
  }

  /** The vendor's example bodies of an operation's 2xx responses (media-type example(s) or the schema's). */
  responseExamples(method: string, path: string): unknown[] {
    const op = this.operation(method, path);
    const responses = op.raw.responses as Record<string, unknown>;
    const examples: unknown[] = [];
    for (const [status, raw] of Object.entries(responses)) {
      if (!status.startsWith("2")) continue;
      const content = this.resolve(raw).content as Record<string, Json> | undefined;
      const media = content?.["application/json"];
      if (!media) continue;
      if (media.example !== undefined) examples.push(media.example);
      for (const entry of Object.values((media.examples as Record<string, unknown>) ?? {}))
        examples.push(this.resolve(entry).value);
      const schema = media.schema ? this.resolve(media.schema) : undefined;
      if (schema?.example !== undefined && media.example === undefined) examples.push(schema.example);
    }
    return examples;
  }
}

let specs: Partial<Record<Vendor, VendorSpec>> = {};

export function vendorSpec(vendor: Vendor): VendorSpec {
  specs[vendor] ??= new VendorSpec(vendor);
  return specs[vendor];
}

/** Forgets compiled specs (a test that edits a spec copy). */
export function resetVendorSpecs(): void {
  specs = {};
}
