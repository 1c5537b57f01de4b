// The alerts API through the Worker: settings validated field by field (unknown keys refused, nothing saved on
// a refusal) and changed by admins only; the webhook's secret shown on create and rotation, never listed;
// another organization's channel ids answer 404; a test send goes through the delivery path to the stand-in
// receiver and the log lists the sent and the refused delivery, newest first, with the reason.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { alertChannels } from "../../../db/schema";
import { ALERT_RULES } from "../../../db/schema/alerts";
import { useTestDatabase } from "../../support/worker-database";
import { db, distinctIps, type ErrorBody, seedTenant, send, signIn, type Tenant } from "../api/fixtures";

useTestDatabase();

const ip = distinctIps(171);
let acme: Tenant;
let globex: Tenant;
const cookies = { viewer: "", operator: "", admin: "", globexAdmin: "" };

beforeAll(async () => {
  acme = await seedTenant("alerts-acme");
  globex = await seedTenant("alerts-globex");
  for (const role of ["viewer", "operator", "admin"] as const)
    cookies[role] = await signIn(acme.users[role].email, ip());
  cookies.globexAdmin = await signIn(globex.users.admin.email, ip());
});

const as = (cookie: string) => ({ cookie });

async function errorOf(response: Response, status: number): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return (JSON.parse(text) as ErrorBody).error.message;
}

const VALID_SETTINGS = {
  rules: ["run_failed"],
  language: "en",
  quietHours: { start: 22, end: 8 },
  timeZone: "Asia/Novosibirsk",
  digestHour: 9,
  sunsetWarningDays: 14,
};

/** A path on the stand-in's webhook receiver, unique to the caller. */
const receiverUrl = (name: string) => `${env.TELEGRAM_API_BASE}/_webhook/${name}`;

async function received(name: string): Promise<{ headers: Record<string, string>; body: string }[]> {
  return (await (await fetch(`${env.TELEGRAM_API_BASE}/_control/webhooks?name=${name}`)).json()) as {
    headers: Record<string, string>;
    body: string;
  }[];
}

describe("alert settings", () => {
  it("answers the defaults (every rule on, Russian) before anything is saved", async () => {
    const response = await send("GET", "/api/alerts/settings", undefined, ip(), as(cookies.viewer));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      rules: [...ALERT_RULES],
      language: "ru",
      quietHours: null,
      timeZone: "Europe/Moscow",
      digestHour: null,
      sunsetWarningDays: 30,
      availableRules: [...ALERT_RULES],
    });
  });

  it("saves an admin's settings, refuses viewers and operators with 403", async () => {
    for (const role of ["viewer", "operator"] as const) {
      const refused = await send("PUT", "/api/alerts/settings", VALID_SETTINGS, ip(), as(cookies[role]));
      expect(await errorOf(refused, 403)).toMatch(/admin role/);
    }
    const saved = await send("PUT", "/api/alerts/settings", VALID_SETTINGS, ip(), as(cookies.admin));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ...VALID_SETTINGS, availableRules: [...ALERT_RULES] });
    const read = await send("GET", "/api/alerts/settings", undefined, ip(), as(cookies.viewer));
    expect(await read.json()).toEqual({ ...VALID_SETTINGS, availableRules: [...ALERT_RULES] });
    // Another organization still has its defaults.
    const other = await send("GET", "/api/alerts/settings", undefined, ip(), as(cookies.globexAdmin));
    expect(((await other.json()) as { language: string }).language).toBe("ru");
  });

  it("answers 400 naming the field, refuses unknown keys, and saves nothing on a refusal", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, /^timeZone: unknown IANA time zone/],
      [{ rules: ["product_critical", "weather"] }, /^rules\[1\]: /],
      [{ rules: ["run_failed", "run_failed"] }, /^rules: must not repeat a rule/],
      [{ language: "de" }, /^language: /],
      [{ quietHours: { start: 22, end: 22 } }, /^quietHours\.end: must differ from start/],
      [{ quietHours: { start: 24, end: 8 } }, /^quietHours\.start: must be an hour from 0 to 23/],
      [{ digestHour: 7.5 }, /^digestHour: /],
      [{ sunsetWarningDays: 0 }, /^sunsetWarningDays: /],
      [{ rogue: true }, /rogue/],
    ];
    for (const [change, message] of cases) {
      const response = await send(
        "PUT",
        "/api/alerts/settings",
        { ...VALID_SETTINGS, ...change, language: change.language ?? "ru" },
        ip(),
        as(cookies.admin),
      );
      expect(await errorOf(response, 400), JSON.stringify(change)).toMatch(message);
    }
    const { timeZone: _, ...missing } = VALID_SETTINGS;
    expect(
      await errorOf(await send("PUT", "/api/alerts/settings", missing, ip(), as(cookies.admin)), 400),
    ).toMatch(/^timeZone: /);
    const read = await send("GET", "/api/alerts/settings", undefined, ip(), as(cookies.viewer));
    expect(await read.json()).toEqual({ ...VALID_SETTINGS, availableRules: [...ALERT_RULES] });
  });
});

describe("alert channels", () => {
  it("shows the webhook secret when it is created or rotated, never in the list", async () => {
    const url = "https://hooks.example.com/mi-alerts";
    const created = await send("PUT", "/api/alerts/channels/webhook", { url }, ip(), as(cookies.admin));
    expect(created.status).toBe(201);
    const channel = (await created.json()) as { id: string; secret: string; webhookUrl: string };
    expect(channel.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(channel.webhookUrl).toBe(url);

    const changed = await send("PUT", "/api/alerts/channels/webhook", { url }, ip(), as(cookies.admin));
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { secret: string | null }).secret).toBeNull();

    for (const cookie of [cookies.admin, cookies.viewer]) {
      const list = await send("GET", "/api/alerts/channels", undefined, ip(), as(cookie));
      const text = await list.text();
      expect(list.status).toBe(200);
      expect(text).not.toContain(channel.secret);
      expect(text).not.toContain("secret");
      expect(JSON.parse(text)).toMatchObject({
        items: [{ id: channel.id, kind: "webhook", enabled: true, linked: true, webhookUrl: url }],
        telegram: { configured: true, botUsername: "MiCoreTestBot" },
      });
    }

    const rotated = await send(
      "PUT",
      "/api/alerts/channels/webhook",
      { url, rotateSecret: true },
      ip(),
      as(cookies.admin),
    );
    const secret = ((await rotated.json()) as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(channel.secret);
    const [stored] = await db()
      .select({ secret: alertChannels.webhookSecret })
      .from(alertChannels)
      .where(eq(alertChannels.id, channel.id));
    expect(stored?.secret).toBe(secret);
  });

  it("refuses a webhook URL that is not https, and a viewer's change", async () => {
    const internal = [
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/x",
      "https://[::1]/x",
      "https://[::ffff:169.254.169.254]/x",
      "https://0x7f000001/x",
      "https://2130706433/x",
      "https://127.1/x",
      "https://localhost./x",
      "https://metadata.google.internal/x",
    ];
    for (const url of internal) {
      const response = await send("PUT", "/api/alerts/channels/webhook", { url }, ip(), as(cookies.admin));
      expect(await errorOf(response, 400), url).toMatch(/^url: must be a public host/);
    }
    for (const url of ["http://hooks.example.com/x", "ftp://hooks.example.com", "not a url"]) {
      const response = await send("PUT", "/api/alerts/channels/webhook", { url }, ip(), as(cookies.admin));
      expect(await errorOf(response, 400), url).toMatch(/^url: /);
    }
    const viewer = await send(
      "PUT",
      "/api/alerts/channels/webhook",
      { url: "https://x.example.com" },
      ip(),
      as(cookies.viewer),
    );
    expect(viewer.status).toBe(403);
  });

  it("answers 404 for another organization's channel and leaves it as it was", async () => {
    const theirs = await send(
      "PUT",
      "/api/alerts/channels/webhook",
      { url: "https://globex.example.com/hook" },
      ip(),
      as(cookies.globexAdmin),
    );
    const { id } = (await theirs.json()) as { id: string };
    const attempts = [
      send("PATCH", `/api/alerts/channels/${id}`, { enabled: false }, ip(), as(cookies.admin)),
      send("POST", `/api/alerts/channels/${id}/test`, undefined, ip(), as(cookies.admin)),
      send("DELETE", `/api/alerts/channels/${id}`, undefined, ip(), as(cookies.admin)),
    ];
    for (const response of await Promise.all(attempts)) expect(await errorOf(response, 404)).toMatch(/^id: /);
    const [row] = await db()
      .select({ enabled: alertChannels.enabled })
      .from(alertChannels)
      .where(eq(alertChannels.id, id));
    expect(row).toEqual({ enabled: true });
  });

  it("sends a test through the delivery path and logs the sent and the refused delivery with its reason", async () => {
    const name = `api-${crypto.randomUUID().slice(0, 8)}`;
    const put = await send(
      "PUT",
      "/api/alerts/channels/webhook",
      { url: receiverUrl(name) },
      ip(),
      as(cookies.globexAdmin),
    );
    const { id } = (await put.json()) as { id: string };
    const sent = await send(
      "POST",
      `/api/alerts/channels/${id}/test`,
      undefined,
      ip(),
      as(cookies.globexAdmin),
    );
    expect(sent.status).toBe(200);
    const sentOutcome = (await sent.json()) as { deliveryId: string; status: string; reason: string | null };
    expect(sentOutcome).toMatchObject({ status: "sent", reason: null });
    const [request] = await received(name);
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      id: sentOutcome.deliveryId,
      rule: "test",
      text: "Проверка: оповещения MI Core приходят сюда",
    });

    // The stand-in answers 404 off its receiver paths: a refusal, so the delivery is dead at once.
    await send(
      "PUT",
      "/api/alerts/channels/webhook",
      { url: `${env.TELEGRAM_API_BASE}/nowhere/${name}` },
      ip(),
      as(cookies.globexAdmin),
    );
    const refused = await send(
      "POST",
      `/api/alerts/channels/${id}/test`,
      undefined,
      ip(),
      as(cookies.globexAdmin),
    );
    const refusedOutcome = (await refused.json()) as { deliveryId: string };
    expect(refusedOutcome).toMatchObject({ status: "dead", reason: "webhook answered 404" });

    const log = await send("GET", "/api/alerts/log", undefined, ip(), as(cookies.globexAdmin));
    expect(log.status).toBe(200);
    expect(await log.json()).toMatchObject({
      page: 1,
      pageSize: 50,
      total: 2,
      items: [
        {
          id: refusedOutcome.deliveryId,
          channelId: id,
          channelKind: "webhook",
          rule: "test",
          status: "dead",
          attempts: 1,
          reason: "webhook answered 404",
          sentAt: null,
        },
        {
          id: sentOutcome.deliveryId,
          status: "sent",
          reason: null,
          text: expect.stringMatching(/^Проверка/),
        },
      ],
    });
    const dead = await send(
      "GET",
      "/api/alerts/log?status=dead&rule=test",
      undefined,
      ip(),
      as(cookies.viewer),
    );
    // Acme's viewer sees Acme's log only.
    expect(((await dead.json()) as { total: number }).total).toBe(0);
    const filtered = await send(
      "GET",
      "/api/alerts/log?status=sent&pageSize=1",
      undefined,
      ip(),
      as(cookies.globexAdmin),
    );
    expect(await filtered.json()).toMatchObject({ total: 1, items: [{ id: sentOutcome.deliveryId }] });
    const bad = await send("GET", "/api/alerts/log?rule=weather", undefined, ip(), as(cookies.globexAdmin));
    expect(await errorOf(bad, 400)).toMatch(/^rule: /);
  });

  it("sends a test at once even in quiet hours; a disabled channel's test is refused; deletes", async () => {
    // Quiet every hour but the one before this one (in UTC), so the test runs inside the window at any time.
    const hour = new Date().getUTCHours();
    const quiet = { ...VALID_SETTINGS, timeZone: "UTC", quietHours: { start: hour, end: (hour + 23) % 24 } };
    expect((await send("PUT", "/api/alerts/settings", quiet, ip(), as(cookies.admin))).status).toBe(200);
    const list = await send("GET", "/api/alerts/channels", undefined, ip(), as(cookies.admin));
    const [webhook] = ((await list.json()) as { items: { id: string }[] }).items;
    const id = webhook?.id ?? "";
    const disabled = await send(
      "PATCH",
      `/api/alerts/channels/${id}`,
      { enabled: false },
      ip(),
      as(cookies.admin),
    );
    expect(await disabled.json()).toMatchObject({ id, enabled: false });
    const test = await send("POST", `/api/alerts/channels/${id}/test`, undefined, ip(), as(cookies.admin));
    expect(await test.json()).toMatchObject({ status: "dead", reason: "channel disabled" });
    const name = `quiet-${crypto.randomUUID().slice(0, 8)}`;
    await send(
      "PUT",
      "/api/alerts/channels/webhook",
      { url: receiverUrl(name), enabled: true },
      ip(),
      as(cookies.admin),
    );
    const sent = await send("POST", `/api/alerts/channels/${id}/test`, undefined, ip(), as(cookies.admin));
    expect(await sent.json()).toMatchObject({ status: "sent" });
    expect(JSON.parse((await received(name))[0]?.body ?? "{}")).toMatchObject({
      text: "Test: MI Core alerts arrive here",
    });
    const deleted = await send("DELETE", `/api/alerts/channels/${id}`, undefined, ip(), as(cookies.admin));
    expect(await deleted.json()).toEqual({ id, deleted: true });
    const after = await send("GET", "/api/alerts/channels", undefined, ip(), as(cookies.admin));
    expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
