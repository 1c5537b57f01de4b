// The account the end-to-end run signs in with: the dev runner's demo user. Creating it here is
// idempotent (by email), so the run also works while `npm run dev` does not seed it yet.
import { createDatabase } from "../../db/client";
import { createDemoOrganization } from "../../worker/auth/demo-organization";

export const DEMO_EMAIL = process.env.E2E_EMAIL ?? "demo@example.com";
export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? "demo-password";

export async function ensureDemoUser(dbPort: number): Promise<void> {
  const db = createDatabase({
    url: `postgresql://local:local@127.0.0.1:${dbPort}/main`,
    httpEndpoint: `http://127.0.0.1:${dbPort}/sql`,
  });
  await createDemoOrganization(db, {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    organizationName: "Demo seller",
  });
}
