// The endpoint behaviour suite, run through the real @neondatabase/serverless driver (and
// drizzle-orm/neon-http) against one backend; each backend's test file calls defineEndpointSuite.

import { NeonDbError, type NeonQueryFunction, neon, neonConfig } from "@neondatabase/serverless";
import { sql as dsql, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-http";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type NeonEndpoint,
  type NeonEndpointOptions,
  startNeonEndpoint,
} from "../../../dev/neon-endpoint/server.js";
import { control, postSql, rejection, uniqueName } from "./fixture.js";

const MIB = 1024 * 1024;

export function defineEndpointSuite(backend: NeonEndpointOptions["backend"]): void {
  let endpoint: NeonEndpoint;
  let database: string;
  let sql: NeonQueryFunction<false, false>;
  const created: string[] = [];
  const headers = (db = database) => ({
    "Neon-Connection-String": endpoint.connectionString(db),
    "Neon-Raw-Text-Output": "true",
    "Neon-Array-Mode": "true",
  });

  beforeAll(async () => {
    endpoint = await startNeonEndpoint({ port: 0, backend });
    neonConfig.fetchEndpoint = endpoint.sqlUrl;
    database = uniqueName("suite");
    await endpoint.createDatabase(database);
    created.push(database);
    sql = neon(endpoint.connectionString(database));
  });

  afterAll(async () => {
    if (endpoint === undefined) return;
    for (const name of created) await endpoint.dropDatabase(name).catch(() => {});
    await endpoint.close();
  });

  describe("values and parameters", () => {
    const typedQuery = `SELECT $1::int AS i, $2::bigint AS big, $3::numeric AS num, $4::bool AS flag,
      $5::text AS txt, $6::timestamptz AS ts, $7::date AS d, $8::jsonb AS jb, '{"k": 1}'::json AS j,
      $9::int[] AS ints, $10::text[] AS texts, $11::int AS nothing, '\\x01ff'::bytea AS bin`;
    const unicode = 'Привет, 世界 🌍 "quoted" \\ back';
    const params = [
      42,
      "9007199254740993",
      "12345.678900",
      true,
      unicode,
      new Date("2024-02-29T23:59:58.123Z"),
      "2024-02-29",
      JSON.stringify({ a: [1, "x"] }),
      [1, 2, 3],
      ["a,b", 'q"uote', null],
      null,
    ];

    it("the driver parses every type from the endpoint's text output", async () => {
      const rows = await sql.query(typedQuery, params);
      expect(rows).toHaveLength(1);
      const row = rows[0] as Record<string, unknown>;
      expect(row.i).toBe(42);
      expect(row.big).toBe("9007199254740993");
      expect(row.num).toBe("12345.678900");
      expect(row.flag).toBe(true);
      expect(row.txt).toBe(unicode);
      expect(row.ts).toBeInstanceOf(Date);
      expect((row.ts as Date).toISOString()).toBe("2024-02-29T23:59:58.123Z");
      const d = row.d as Date;
      expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2024, 1, 29]);
      expect(row.jb).toEqual({ a: [1, "x"] });
      expect(row.j).toEqual({ k: 1 });
      expect(row.ints).toEqual([1, 2, 3]);
      expect(row.texts).toEqual(["a,b", 'q"uote', null]);
      expect(row.nothing).toBeNull();
      expect(Buffer.from(row.bin as Uint8Array).toString("hex")).toBe("01ff");
    });

    it("replies with Postgres text exactly as the server prints it, and type OIDs", async () => {
      const wireParams = params.map((p) =>
        p instanceof Date ? "2024-02-29T23:59:58.123Z" : Array.isArray(p) ? p : p === null ? null : String(p),
      );
      const reply = await postSql(endpoint.sqlUrl, { query: typedQuery, params: wireParams }, headers());
      expect(reply.status).toBe(200);
      expect(reply.body.rows).toEqual([
        [
          "42",
          "9007199254740993",
          "12345.678900",
          "t",
          unicode,
          "2024-02-29 23:59:58.123+00",
          "2024-02-29",
          '{"a": [1, "x"]}',
          '{"k": 1}',
          "{1,2,3}",
          '{"a,b","q\\"uote",NULL}',
          null,
          "\\x01ff",
        ],
      ]);
      const fields = reply.body.fields as { name: string; dataTypeID: number; format: string }[];
      expect(fields.map((f) => f.dataTypeID)).toEqual([
        23, 20, 1700, 16, 25, 1184, 1082, 3802, 114, 1007, 1009, 23, 17,
      ]);
      expect(fields[0]).toMatchObject({ name: "i", format: "text" });
      expect(reply.body).toMatchObject({ command: "SELECT", rowCount: 1, rowAsArray: true });
    });

    it("pins the session time zone to UTC", async () => {
      const [row] = await sql`SHOW TimeZone`;
      expect(row?.TimeZone).toBe("UTC");
      const [stamp] = await sql`SELECT ${"2024-06-01 12:00:00"}::timestamptz::text AS t`;
      expect(stamp?.t).toBe("2024-06-01 12:00:00+00");
    });

    it("supports array mode and object mode in the driver", async () => {
      const query = "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s) ORDER BY n";
      const asArrays = neon(endpoint.connectionString(database), { arrayMode: true });
      expect(await asArrays.query(query)).toEqual([
        [1, "a"],
        [2, "b"],
      ]);
      expect(await sql.query(query)).toEqual([
        { n: 1, s: "a" },
        { n: 2, s: "b" },
      ]);
      const full = await sql.query(query, [], { fullResults: true, arrayMode: true });
      expect(full.rows).toEqual([
        [1, "a"],
        [2, "b"],
      ]);
      expect(full.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
        ["n", 23],
        ["s", 25],
      ]);
      expect(full.command).toBe("SELECT");
      expect(full.rowCount).toBe(2);
    });

    it("answers rows as objects when Neon-Array-Mode is not true (and per-query arrayMode wins)", async () => {
      const body = { query: "SELECT 1 AS a, NULL::text AS b" };
      const objects = await postSql(endpoint.sqlUrl, body, { ...headers(), "Neon-Array-Mode": undefined });
      expect(objects.body).toMatchObject({ rows: [{ a: "1", b: null }], rowAsArray: false });
      const override = await postSql(
        endpoint.sqlUrl,
        { ...body, arrayMode: true },
        { ...headers(), "Neon-Array-Mode": "false" },
      );
      expect(override.body).toMatchObject({ rows: [["1", null]], rowAsArray: true });
    });
  });

  describe("commands and row counts", () => {
    it("reports command and rowCount for CREATE/INSERT/UPDATE/DELETE/SELECT", async () => {
      const create = await sql.query("CREATE TABLE counted (id int PRIMARY KEY, v text)", [], {
        fullResults: true,
      });
      expect([create.command, create.rowCount]).toEqual(["CREATE", null]);
      const insert = await sql.query("INSERT INTO counted VALUES (1, 'a'), (2, 'b'), (3, 'c')", [], {
        fullResults: true,
      });
      expect([insert.command, insert.rowCount]).toEqual(["INSERT", 3]);
      const update = await sql.query("UPDATE counted SET v = 'z' WHERE id > $1", [1], { fullResults: true });
      expect([update.command, update.rowCount]).toEqual(["UPDATE", 2]);
      const del = await sql.query("DELETE FROM counted WHERE id = 1 RETURNING id", [], { fullResults: true });
      expect([del.command, del.rowCount, del.rows]).toEqual(["DELETE", 1, [{ id: 1 }]]);
      const select = await sql.query("SELECT * FROM counted WHERE v = 'z'", [], { fullResults: true });
      expect([select.command, select.rowCount, select.rows.length]).toEqual(["SELECT", 2, 2]);
    });
  });

  describe("Postgres errors", () => {
    beforeAll(async () => {
      await sql`CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL)`;
      await sql`INSERT INTO people VALUES (1, 'Ann')`;
    });

    it("a unique violation carries code, detail, constraint, table and schema", async () => {
      const error = await rejection(sql`INSERT INTO people VALUES (1, 'Bob')`);
      expect(error).toBeInstanceOf(NeonDbError);
      expect(error.message).toBe('duplicate key value violates unique constraint "people_pkey"');
      expect(error).toMatchObject({
        code: "23505",
        severity: "ERROR",
        detail: "Key (id)=(1) already exists.",
        constraint: "people_pkey",
        table: "people",
        schema: "public",
      });
    });

    it("a not-null violation names the column", async () => {
      const error = await rejection(sql`INSERT INTO people VALUES (2, ${null})`);
      expect(error).toMatchObject({ code: "23502", column: "name", table: "people" });
    });

    it("a syntax error carries its position", async () => {
      const error = await rejection(sql.query("SELECT * FORM people"));
      expect(error).toMatchObject({ code: "42601", position: "10" });
      expect(error.message).toBe('syntax error at or near "FORM"');
    });

    it("rejects a multi-statement string as Neon does (one statement per query)", async () => {
      const error = await rejection(sql.query("INSERT INTO people VALUES (3, 'Cy'); SELECT 1"));
      expect(error).toMatchObject({ code: "42601" });
      expect(error.message).toBe("cannot insert multiple commands into a prepared statement");
      const [row] = await sql`SELECT count(*)::int AS n FROM people WHERE id = 3`;
      expect(row?.n).toBe(0);
    });

    it("an unknown database answers 3D000 like Postgres", async () => {
      const error = await rejection(neon(endpoint.connectionString("never_created_db"))`SELECT 1`);
      expect(error).toBeInstanceOf(NeonDbError);
      expect(error).toMatchObject({ code: "3D000" });
      expect(error.message).toBe('database "never_created_db" does not exist');
    });

    it("a statement leaving a transaction open does not leak into later requests", async () => {
      await sql`BEGIN`;
      // Outside a transaction block SAVEPOINT fails; it would succeed if the BEGIN had leaked.
      const error = await rejection(sql`SAVEPOINT leaked`);
      expect(error).toMatchObject({ code: "25P01" });
    });
  });

  describe("transactions", () => {
    beforeAll(async () => {
      await sql`CREATE TABLE ledger (id int PRIMARY KEY, amount int NOT NULL)`;
    });

    it("commits all statements of sql.transaction together", async () => {
      const results = await sql.transaction((tx) => [
        tx`INSERT INTO ledger VALUES (1, 10)`,
        tx`INSERT INTO ledger VALUES (2, 20)`,
        tx`SELECT sum(amount)::int AS total FROM ledger`,
      ]);
      expect(results[2]).toEqual([{ total: 30 }]);
      const [row] = await sql`SELECT count(*)::int AS n FROM ledger`;
      expect(row?.n).toBe(2);
    });

    it("rolls back as a whole when any statement fails, reporting that statement's error", async () => {
      const error = await rejection(
        sql.transaction([
          sql`INSERT INTO ledger VALUES (3, 30)`,
          sql`UPDATE ledger SET amount = amount + 1`,
          sql`INSERT INTO ledger VALUES (1, 99)`,
        ]),
      );
      expect(error).toMatchObject({ code: "23505", constraint: "ledger_pkey" });
      const rows = await sql`SELECT id, amount FROM ledger ORDER BY id`;
      expect(rows).toEqual([
        { id: 1, amount: 10 },
        { id: 2, amount: 20 },
      ]);
    });

    it("a read-only transaction rejects a write", async () => {
      const error = await rejection(
        sql.transaction([sql`INSERT INTO ledger VALUES (4, 40)`], { readOnly: true }),
      );
      expect(error).toMatchObject({ code: "25006" });
      expect(error.message).toBe("cannot execute INSERT in a read-only transaction");
    });

    it("honours isolation level, read-only and deferrable options", async () => {
      const [iso, ro, def] = await sql.transaction(
        [sql`SHOW transaction_isolation`, sql`SHOW transaction_read_only`, sql`SHOW transaction_deferrable`],
        { isolationLevel: "Serializable", readOnly: true, deferrable: true },
      );
      expect([
        iso?.[0]?.transaction_isolation,
        ro?.[0]?.transaction_read_only,
        def?.[0]?.transaction_deferrable,
      ]).toEqual(["serializable", "on", "on"]);
      const [plain] = await sql.transaction([sql`SHOW transaction_isolation`]);
      expect(plain?.[0]?.transaction_isolation).toBe("read committed");
    });

    it("echoes the transaction options as Neon does, and rejects an unknown isolation level", async () => {
      const body = { queries: [{ query: "SELECT 1", params: [] }] };
      const ok = await postSql(endpoint.sqlUrl, body, {
        ...headers(),
        "Neon-Batch-Isolation-Level": "RepeatableRead",
        "Neon-Batch-Read-Only": "true",
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("neon-batch-isolation-level")).toBe("RepeatableRead");
      expect(ok.headers.get("neon-batch-read-only")).toBe("true");
      expect((ok.body.results as unknown[]).length).toBe(1);
      const bad = await postSql(endpoint.sqlUrl, body, {
        ...headers(),
        "Neon-Batch-Isolation-Level": "Chaos",
      });
      expect([bad.status, bad.body.message]).toEqual([400, "invalid isolation level"]);
    });

    it("serializes concurrent transactions and queries without losing updates", async () => {
      await sql`CREATE TABLE counter (n int NOT NULL)`;
      await sql`INSERT INTO counter VALUES (0)`;
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          i % 2 === 0
            ? sql.transaction([sql`UPDATE counter SET n = n + 1`, sql`SELECT n FROM counter`])
            : sql`UPDATE counter SET n = n + 1`,
        ),
      );
      const [row] = await sql`SELECT n FROM counter`;
      expect(row?.n).toBe(25);
    });
  });

  describe("drizzle-orm/neon-http", () => {
    const orders = pgTable("drizzle_orders", {
      id: integer("id").primaryKey(),
      sku: text("sku").notNull(),
      placedAt: timestamp("placed_at", { withTimezone: true, mode: "date" }).notNull(),
      tags: text("tags").array(),
    });

    it("inserts, selects and batches through drizzle with types intact", async () => {
      const db = drizzle({ client: sql });
      await db.execute(
        dsql`CREATE TABLE drizzle_orders (id int PRIMARY KEY, sku text NOT NULL, placed_at timestamptz NOT NULL, tags text[])`,
      );
      const placedAt = new Date("2025-01-02T03:04:05.678Z");
      await db.insert(orders).values([
        { id: 1, sku: "A-1", placedAt, tags: ["x", "y z"] },
        { id: 2, sku: "B-2", placedAt, tags: null },
      ]);
      const [first] = await db.select().from(orders).where(eq(orders.id, 1));
      expect(first).toEqual({ id: 1, sku: "A-1", placedAt, tags: ["x", "y z"] });
      const [updated, all] = await db.batch([
        db.update(orders).set({ sku: "B-3" }).where(eq(orders.id, 2)).returning({ id: orders.id }),
        db.select({ sku: orders.sku }).from(orders).orderBy(orders.id),
      ]);
      expect(updated).toEqual([{ id: 2 }]);
      expect(all).toEqual([{ sku: "A-1" }, { sku: "B-3" }]);
      await expect(
        db.batch([
          db.update(orders).set({ sku: "C" }),
          db.insert(orders).values({ id: 1, sku: "dup", placedAt }),
        ]),
      ).rejects.toThrow();
      const skus = await db.select({ sku: orders.sku }).from(orders).orderBy(orders.id);
      expect(skus).toEqual([{ sku: "A-1" }, { sku: "B-3" }]);
    });
  });

  describe("size limits", () => {
    it("accepts a 9 MiB parameter", async () => {
      const [row] = await sql.query("SELECT length($1) AS n", ["x".repeat(9 * MIB)]);
      expect(row?.n).toBe(9 * MIB);
    });

    it("rejects a request over 10 MiB with Neon's 413 message", async () => {
      const error = await rejection(sql.query("SELECT length($1)", ["x".repeat(10 * MIB + 1)]));
      expect(error.message).toContain("HTTP status 413");
      expect(error.message).toContain(`request is too large (max is ${10 * MIB} bytes)`);
    });

    it("rejects a response over 10 MiB with Neon's 507 message", async () => {
      const error = await rejection(sql`SELECT repeat('x', ${11 * MIB}) AS big`);
      expect(error.message).toContain("HTTP status 507");
      expect(error.message).toContain(`response is too large (max is ${10 * MIB} bytes)`);
    });
  });

  describe("malformed requests", () => {
    const cases: [string, unknown, string][] = [
      ["not JSON", "{nope", "could not parse the HTTP request body"],
      ["no query", { params: [] }, "`query` must be a string"],
      ["params not an array", { query: "SELECT 1", params: "1" }, "`params` must be an array"],
      ["bad arrayMode", { query: "SELECT 1", arrayMode: "yes" }, "`arrayMode` must be a boolean"],
      ["queries not an array", { queries: {} }, "`queries` must be an array"],
      [
        "bad batch entry",
        { queries: [{ query: "SELECT 1" }, { query: "SELECT 2", params: 3 }] },
        "`queries[1].params` must be an array",
      ],
    ];
    it.each(cases)("%s → 400 naming the field", async (_label, body, message) => {
      const reply = await postSql(endpoint.sqlUrl, body, headers());
      expect(reply.status).toBe(400);
      expect(reply.body.message).toContain(message);
    });

    it("a missing or wrong connection string header → 400", async () => {
      const missing = await postSql(
        endpoint.sqlUrl,
        { query: "SELECT 1" },
        { ...headers(), "Neon-Connection-String": undefined },
      );
      expect([missing.status, missing.body.message]).toEqual([400, "invalid header: neon-connection-string"]);
      const scheme = await postSql(
        endpoint.sqlUrl,
        { query: "SELECT 1" },
        {
          ...headers(),
          "Neon-Connection-String": "mysql://u:p@h/db",
        },
      );
      expect([scheme.status, scheme.body.message]).toEqual([400, "incorrect scheme"]);
    });
  });

  describe("databases", () => {
    it("a database created from a template is isolated from it in both directions", async () => {
      const template = uniqueName("tpl");
      const copy = uniqueName("copy");
      created.push(template, copy);
      await endpoint.createDatabase(template);
      const tpl = neon(endpoint.connectionString(template));
      await tpl`CREATE TABLE things (id int PRIMARY KEY)`;
      await tpl`INSERT INTO things VALUES (1)`;
      await endpoint.createDatabase(copy, { template });
      const cp = neon(endpoint.connectionString(copy));
      await cp`INSERT INTO things VALUES (2)`;
      await tpl`INSERT INTO things VALUES (3)`;
      expect(await tpl`SELECT id FROM things ORDER BY id`).toEqual([{ id: 1 }, { id: 3 }]);
      expect(await cp`SELECT id FROM things ORDER BY id`).toEqual([{ id: 1 }, { id: 2 }]);
      await endpoint.dropDatabase(copy);
      const error = await rejection(cp`SELECT 1`);
      expect(error).toMatchObject({ code: "3D000" });
    });

    it("the control API creates from a template, lists, drops, and reports health", async () => {
      const template = uniqueName("ctl_tpl");
      const name = uniqueName("ctl");
      created.push(template, name);
      expect(
        (await control(endpoint.url, "POST", "/_dev/databases", JSON.stringify({ name: template }))).status,
      ).toBe(201);
      await neon(endpoint.connectionString(template))`CREATE TABLE marker (v text)`;
      await neon(endpoint.connectionString(template))`INSERT INTO marker VALUES ('from template')`;
      const made = await control(endpoint.url, "POST", "/_dev/databases", JSON.stringify({ name, template }));
      expect([made.status, made.body]).toEqual([201, { name, template }]);
      expect(await neon(endpoint.connectionString(name))`SELECT v FROM marker`).toEqual([
        { v: "from template" },
      ]);
      const listed = await control(endpoint.url, "GET", "/_dev/databases");
      expect(listed.body.databases).toEqual(expect.arrayContaining([name, template, "main"]));
      const dropped = await control(endpoint.url, "DELETE", `/_dev/databases/${name}`);
      expect([dropped.status, dropped.body]).toEqual([200, { name, dropped: true }]);
      const again = await control(endpoint.url, "DELETE", `/_dev/databases/${name}`);
      expect([again.status, again.body.code]).toEqual([404, "3D000"]);
      const health = await control(endpoint.url, "GET", "/_dev/health");
      expect([health.status, health.body.ok, health.body.backend]).toEqual([
        200,
        true,
        backend?.kind ?? "pglite",
      ]);
    });

    it("a database created with a lower request limit refuses bigger requests with Neon's 413, others do not", async () => {
      const name = uniqueName("small");
      created.push(name);
      const made = await control(
        endpoint.url,
        "POST",
        "/_dev/databases",
        JSON.stringify({ name, maxRequestBytes: 4096 }),
      );
      expect([made.status, made.body]).toEqual([201, { name, maxRequestBytes: 4096 }]);
      const small = neon(endpoint.connectionString(name));
      expect(await small.query("SELECT length($1) AS n", ["x".repeat(1000)])).toEqual([{ n: 1000 }]);
      const error = await rejection(small.query("SELECT length($1)", ["x".repeat(8192)]));
      expect(error.message).toContain("HTTP status 413");
      expect(error.message).toContain("request is too large (max is 4096 bytes)");
      const [row] = await sql.query("SELECT length($1) AS n", ["x".repeat(8192)]);
      expect(row?.n).toBe(8192);
      const bad = await control(
        endpoint.url,
        "POST",
        "/_dev/databases",
        JSON.stringify({ name: uniqueName("tiny"), maxRequestBytes: 10 }),
      );
      expect([bad.status, String(bad.body.message)]).toEqual([
        400,
        expect.stringContaining("maxRequestBytes must be a whole number of bytes, at least 1024"),
      ]);
    });

    it("the control API validates its input with clear errors", async () => {
      const post = (body: string) => control(endpoint.url, "POST", "/_dev/databases", body);
      const badJson = await post("{");
      expect([badJson.status, String(badJson.body.message)]).toEqual([
        400,
        expect.stringContaining("invalid JSON body"),
      ]);
      const noName = await post("{}");
      expect([noName.status, noName.body.message]).toEqual([400, "missing field: name"]);
      for (const name of ["a-b", "1abc", "", "x; DROP", "a".repeat(64), 5]) {
        const reply = await post(JSON.stringify({ name }));
        expect(reply.status).toBe(400);
        expect(String(reply.body.message)).toMatch(/^invalid name: /);
      }
      const badTemplate = await post(JSON.stringify({ name: "ok_name", template: "no-such" }));
      expect([badTemplate.status, String(badTemplate.body.message)]).toEqual([
        400,
        expect.stringMatching(/^invalid template/),
      ]);
      const missingTemplate = await post(
        JSON.stringify({ name: uniqueName("orphan"), template: "no_such_template" }),
      );
      expect([missingTemplate.status, missingTemplate.body.code]).toEqual([404, "3D000"]);
      expect(missingTemplate.body.message).toBe('template database "no_such_template" does not exist');
      const duplicate = await post(JSON.stringify({ name: database }));
      expect([duplicate.status, duplicate.body.code]).toEqual([409, "42P04"]);
      const badDelete = await control(endpoint.url, "DELETE", "/_dev/databases/a-b");
      expect([badDelete.status, String(badDelete.body.message)]).toEqual([
        400,
        expect.stringMatching(/^invalid database name/),
      ]);
      await expect(endpoint.createDatabase("bad name")).rejects.toThrow(/invalid name/);
    });
  });

  describe("bulk loading", () => {
    it("inserts 10k rows with one unnest statement and reads them back", async () => {
      await sql`CREATE TABLE stock (id int PRIMARY KEY, sku text NOT NULL, qty int NOT NULL, price numeric(12,2))`;
      const n = 10_000;
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      const skus = ids.map((id) => `SKU-${id}-"ä"`);
      const qtys = ids.map((id) => id % 97);
      const prices = ids.map((id) => (id / 7).toFixed(2));
      const upsert = `INSERT INTO stock (id, sku, qty, price)
        SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::numeric[])
        ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty`;
      const started = performance.now();
      const inserted = await sql.query(upsert, [ids, skus, qtys, prices], { fullResults: true });
      const insertMs = performance.now() - started;
      expect(inserted.rowCount).toBe(n);
      const again = await sql.query(upsert, [ids, skus, qtys.map((q) => q + 1), prices], {
        fullResults: true,
      });
      expect(again.rowCount).toBe(n);
      const readStarted = performance.now();
      const rows = await sql.query("SELECT id, sku, qty, price FROM stock ORDER BY id", [], {
        arrayMode: true,
      });
      const readMs = performance.now() - readStarted;
      expect(rows.length).toBe(n);
      expect(rows[n - 1]).toEqual([n, `SKU-${n}-"ä"`, (n % 97) + 1, (n / 7).toFixed(2)]);
      console.log(
        `[${backend?.kind ?? "pglite"}] unnest insert of ${n} rows: ${insertMs.toFixed(0)} ms ` +
          `(${Math.round(n / (insertMs / 1000))} rows/s); read back: ${readMs.toFixed(0)} ms`,
      );
    });
  });
}
