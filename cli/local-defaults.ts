// What `npm run dev` sets up locally, so the CLI works there with no flags: the Worker and database URLs, the
// demo user and the development credentials key. Copies of dev/run.ts and dev/demo-seed.ts (nothing may
// import dev/); test/unit/cli/local-defaults.test.ts keeps them equal.
export const LOCAL_WORKER_URL = "http://127.0.0.1:8787";
export const LOCAL_DATABASE_URL = "postgresql://local:local@127.0.0.1:8791/main";
export const DEMO_LOGIN = { email: "demo@mi-core.local", password: "demo-password" } as const;
/** dev/run.ts's CREDENTIALS_KEY: only ever used against a database on this machine. */
export const DEV_CREDENTIALS_KEY = "ZGV2LW9ubHktY3JlZGVudGlhbHMta2V5LTMyYnl0ZXM=";
