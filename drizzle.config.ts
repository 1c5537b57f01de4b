// drizzle-kit configuration: `npm run db:generate` writes SQL migrations from db/schema into db/migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
