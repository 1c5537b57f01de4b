// `npm run db:migrate`: applies db/migrations to DATABASE_URL through the same neon-http driver the
// Worker uses (NEON_HTTP_ENDPOINT selects the local endpoint). Safe to run again: applied files are skipped.
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/neon-http/migrator";
import { createDatabase, type DatabaseConfig } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies every migration not yet recorded in drizzle.__drizzle_migrations. */
export async function migrateDatabase(config: DatabaseConfig): Promise<void> {
  await migrate(createDatabase(config), { migrationsFolder: MIGRATIONS_FOLDER });
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "";
  const httpEndpoint = process.env.NEON_HTTP_ENDPOINT || undefined;
  const target = url.replace(/:[^:@/]*@/, ":***@");
  console.log(`Applying migrations to ${target}${httpEndpoint ? ` via ${httpEndpoint}` : ""}`);
  await migrateDatabase({ url, httpEndpoint });
  console.log("Migrations are up to date.");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
