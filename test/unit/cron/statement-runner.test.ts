// The statement runner through the app's neon-http driver and the local Neon endpoint (PGlite): a batch is one
// transaction whose results come back keyed by column, in order, with JIT compilation off inside it and the
// session's setting untouched after it; a failing statement leaves nothing of the batch behind.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchRunner } from "../../../cron/load/statement-runner";
import { createDatabase, type Database } from "../../../db/client";
import { type NeonEndpoint, startNeonEndpoint } from "../../../dev/neon-endpoint/server";

let endpoint: NeonEndpoint;
let db: Database;

beforeAll(async () => {
  endpoint = await startNeonEndpoint({ port: 0 });
  await endpoint.createDatabase("statement_runner_test");
  db = createDatabase({
    url: `postgresql://local:local@${new URL(endpoint.url).host}/statement_runner_test`,
    httpEndpoint: endpoint.sqlUrl,
  });
  await db.execute(sql`create table notes (id int primary key, body text not null)`);
});

afterAll(async () => {
  await endpoint?.close();
});

describe("batchRunner", () => {
  it("returns each statement's rows keyed by column, in order, with JIT off only inside the batch", async () => {
    const run = batchRunner(db);
    const results = await run([
      sql`select current_setting('jit') as jit`,
      sql`insert into notes (id, body) values (1, 'a'), (2, 'b') returning id, body`,
      sql`select count(*)::int as notes from notes`,
    ]);
    expect(results).toEqual([
      [{ jit: "off" }],
      [
        { id: 1, body: "a" },
        { id: 2, body: "b" },
      ],
      [{ notes: 2 }],
    ]);
    const after = await db.execute(sql`select current_setting('jit') as jit`);
    expect(after.rows).toEqual([{ jit: "on" }]);
  });

  it("writes nothing of a batch whose last statement fails", async () => {
    const run = batchRunner(db);
    await expect(
      run([
        sql`insert into notes (id, body) values (10, 'kept?')`,
        sql`insert into notes (id, body) values (11, null)`,
      ]),
    ).rejects.toThrow(/null value/);
    const rows = await db.execute(sql`select id from notes where id >= 10`);
    expect(rows.rows).toEqual([]);
  });
});
