// The OpenAPI document /api/openapi.json serves: it passes Redocly's `recommended` ruleset with no error and
// no warning, every operation has an operationId, declares its security and documents every error status
// it can answer in the error schema, and the committed client types (dev/api-client) match it.
import { readFileSync } from "node:fs";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { openApiTypes, SCHEMA_FILE } from "../../../dev/api-client/types";
import { openApiDocument } from "../../../worker/api/openapi-document";
import { createApp } from "../../../worker/app";

interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const document = openApiDocument(createApp(), "https://edge.mi-core.test", "1.0.0");
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    path,
    method,
    operation,
  })),
);
const PUBLIC = [
  "post /api/auth/login",
  "post /api/auth/logout",
  "get /api/health",
  "post /api/telegram/webhook",
];

describe("OpenAPI document", () => {
  it("passes Redocly's recommended ruleset with 0 errors and 0 warnings", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: "openapi.json",
      config,
    });
    const described = problems.map(
      (problem) =>
        `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
    );
    expect(described).toEqual([]);
  });

  it("declares the servers and, per operation, an operationId, its security and its error statuses", () => {
    expect(document.servers).toEqual([{ url: "https://edge.mi-core.test", description: "This deployment" }]);
    expect(operations.length).toBe(49);
    expect(new Set(operations.map(({ operation }) => operation.operationId)).size).toBe(49);
    for (const { path, method, operation } of operations) {
      const name = `${method} ${path}`;
      const statuses = Object.keys(operation.responses);
      const expected = ["429"];
      if (PUBLIC.includes(name)) expect(operation.security, name).toEqual([]);
      else {
        expect(operation.security, name).toEqual([{ sessionCookie: [] }, { apiKey: [] }]);
        expected.push("401", "403");
      }
      if (operation.requestBody) expected.push("400", "413", "415");
      if (path.includes("{id}")) expected.push("400", "404");
      expect(statuses, name).toEqual(expect.arrayContaining(expected));
      for (const status of statuses.filter((status) => status >= "400" && status < "500")) {
        const schema = operation.responses[status]?.content?.["application/json"]?.schema;
        expect(schema?.$ref, `${name} ${status}`).toBe("#/components/schemas/Error");
      }
    }
  });

  it("matches the committed client types (npm run api:types regenerates them)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await openApiTypes());
  });
});
