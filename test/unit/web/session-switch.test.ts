// Signing out and signing in as another organization in the same tab: no page may show the previous
// organization's data, even when both organizations have the same data version, and the filters start afresh.
// The dashboard's models run against a stand-in API that answers with whose data it is.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type Org = "A" | "B";
const ORG_IDS: Record<Org, string> = {
  A: "00000000-0000-4000-8000-00000000000a",
  B: "00000000-0000-4000-8000-00000000000b",
};
/** Both organizations are at the same data version: only the organization tells their answers apart. */
const DATA_VERSION = 7;

let signedIn: Org | null = null;
const requests: string[] = [];

function me(org: Org) {
  return {
    via: "session",
    role: "admin",
    user: { id: ORG_IDS[org].replace("0000000000", "1111111111"), email: `${org}@example.test` },
    apiKeyId: null,
    organization: { id: ORG_IDS[org], name: `Org ${org}`, dataVersion: DATA_VERSION },
  };
}

/** Any data answer: an empty page that says whose it is. */
function answer(path: string): Response {
  const url = new URL(path, "http://dash.test");
  if (url.pathname === "/api/auth/me")
    return signedIn
      ? Response.json(me(signedIn))
      : Response.json({ error: { code: "UNAUTHORIZED" } }, { status: 401 });
  if (url.pathname === "/api/auth/logout") {
    signedIn = null;
    return new Response(null, { status: 204 });
  }
  return Response.json({ owner: signedIn, items: [], total: 0, page: 1, pageSize: 50 });
}

async function fakeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const path = String(input);
  requests.push(path);
  if (path === "/api/auth/login") {
    const { email } = JSON.parse(String(init?.body)) as { email: string };
    signedIn = email.startsWith("A") ? "A" : "B";
    return new Response(null, { status: 204 });
  }
  return answer(path);
}

const models = await (async () => {
  vi.stubGlobal("window", {
    location: { pathname: "/", search: "", origin: "http://dash.test" },
    history: { pushState() {}, replaceState() {} },
    addEventListener() {},
  });
  vi.stubGlobal("document", { addEventListener() {}, documentElement: {}, visibilityState: "visible" });
  vi.stubGlobal("fetch", fakeFetch);
  const [session, supply, inventory, recommendations, analytics, overview, warehouses, settings, sync] =
    await Promise.all([
      import("../../../web/src/models/session"),
      import("../../../web/src/models/supply-plan"),
      import("../../../web/src/models/inventory"),
      import("../../../web/src/models/recommendations"),
      import("../../../web/src/models/analytics"),
      import("../../../web/src/models/overview"),
      import("../../../web/src/models/warehouses"),
      import("../../../web/src/models/settings"),
      import("../../../web/src/models/sync"),
    ]);
  return {
    session: session.session,
    supply: supply.supplyPlanModel,
    inventory: inventory.inventoryModel,
    recommendations: recommendations.recommendationsModel,
    analytics: analytics.analyticsModel,
    overview: overview.overviewModel,
    warehouses: warehouses.warehousesModel,
    settings: settings.settingsModel,
    sync: sync.syncModel,
  };
})();

/** Every page's data, by page. */
function shown(): Record<string, unknown> {
  const { supply, inventory, recommendations, analytics, overview, warehouses, settings, sync } = models;
  return {
    overview: overview.dashboard.data.value,
    overviewKpis: overview.kpis.data.value,
    inventory: inventory.list.data.value,
    recommendations: recommendations.list.data.value,
    analytics: analytics.kpis.data.value,
    abc: analytics.abc.data.value,
    warehouses: warehouses.warehouses.data.value,
    aliases: warehouses.aliases.data.value,
    supplyPlan: supply.plan.data.value,
    settings: settings.settings.data.value,
    runs: sync.runs.data.value,
  };
}

/** What each page does when it is opened. */
async function openEveryPage(): Promise<void> {
  const { supply, inventory, recommendations, analytics, overview, warehouses, settings, sync } = models;
  overview.load();
  inventory.load();
  recommendations.load();
  analytics.load();
  warehouses.load();
  supply.load();
  settings.load();
  await sync.ensure();
  await vi.waitFor(() => {
    for (const loading of [
      overview.dashboard,
      overview.kpis,
      inventory.list,
      recommendations.list,
      analytics.kpis,
      analytics.abc,
      warehouses.warehouses,
      warehouses.aliases,
      supply.plan,
      settings.settings,
    ])
      expect(loading.loading.value).toBe(false);
  });
}

function owners(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(shown()).map(([page, data]) => [page, (data as { owner?: Org } | undefined)?.owner]),
  );
}

const everyPage = (owner: Org | undefined) =>
  Object.fromEntries(Object.keys(shown()).map((page) => [page, owner]));

describe("another organization in the same tab", () => {
  beforeAll(async () => {
    expect(await models.session.signIn("A@example.test", "pw")).toBe(true);
    await openEveryPage();
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("shows the first organization's data while it is signed in", () => {
    expect(owners()).toEqual(everyPage("A"));
  });

  it("clears every page's data and the filters on sign-out", async () => {
    models.supply.set({ search: "DM-1", marketplace: "ozon", page: 2 });
    models.recommendations.set({ per: "warehouse", onlyReorder: false });
    models.overview.toggle("critical");
    await vi.waitFor(() => expect(models.supply.plan.loading.value).toBe(false));
    await models.session.signOut();
    expect(owners()).toEqual(everyPage(undefined));
    expect(models.supply.search.value).toBe("");
    expect(models.supply.marketplace.value).toBe("");
    expect(models.supply.page.value).toBe(1);
    expect(models.recommendations.per.value).toBe("product");
    expect(models.recommendations.onlyReorder.value).toBe(true);
    expect(models.overview.expanded.value).toBeNull();
  });

  it("asks for the second organization's data though its data version is the same", async () => {
    expect(await models.session.signIn("B@example.test", "pw")).toBe(true);
    expect(models.session.dataVersion.value).toBe(DATA_VERSION);
    const before = requests.length;
    await openEveryPage();
    expect(requests.length).toBeGreaterThan(before);
    expect(owners()).toEqual(everyPage("B"));
  });

  it("drops the data when another organization's session arrives without a sign-out (another tab)", async () => {
    signedIn = "A";
    await models.session.check();
    expect(models.session.me.value?.organization.id).toBe(ORG_IDS.A);
    expect(owners()).toEqual(everyPage(undefined));
    await openEveryPage();
    expect(owners()).toEqual(everyPage("A"));
  });
});
