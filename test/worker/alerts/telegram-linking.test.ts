// Linking a Telegram chat end to end through the Worker and the Bot API stand-in: an admin's one-time code
// (stored only as its SHA-256), Telegram's update to the public webhook with the right secret links the chat
// and the bot says so there; a wrong or missing secret is 401; a reused or expired code links nothing; a
// malformed update is 400, never a 500. The linked chat then receives a test send.
import { SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { alertChannels } from "../../../db/schema";
import { sha256Hex } from "../../../worker/auth/encoding";
import { useTestDatabase } from "../../support/worker-database";
import { db, distinctIps, type ErrorBody, seedTenant, send, signIn, type Tenant } from "../api/fixtures";
import { telegramMessages } from "./support";

useTestDatabase();

const ip = distinctIps(172);
let acme: Tenant;
let admin: string;

beforeAll(async () => {
  acme = await seedTenant("telegram-link");
  admin = await signIn(acme.users.admin.email, ip());
});

const newChatId = () => 700_000_000 + Math.floor(Math.random() * 1e8);

function update(chatId: number, text: string): Record<string, unknown> {
  return {
    update_id: Math.floor(Math.random() * 1e9),
    message: { message_id: 1, date: 1_700_000_000, chat: { id: chatId, type: "private" }, text },
  };
}

function telegramCalls(body: string, secret: string | null = "test-telegram-secret"): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json", "CF-Connecting-IP": ip() };
  if (secret !== null) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  return SELF.fetch("http://edge.test/api/telegram/webhook", { method: "POST", headers, body });
}

async function linkCode(): Promise<{ code: string; deepLink: string | null; startCommand: string }> {
  const response = await send("POST", "/api/alerts/channels/telegram/link", undefined, ip(), {
    cookie: admin,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { code: string; deepLink: string | null; startCommand: string };
}

async function telegramChannel() {
  const [row] = await db()
    .select({
      id: alertChannels.id,
      chatId: alertChannels.telegramChatId,
      codeHash: alertChannels.linkCodeHash,
    })
    .from(alertChannels)
    .where(eq(alertChannels.orgId, acme.orgId));
  return row;
}

describe("Telegram chat linking", () => {
  it("gives an admin a one-time code with the bot's deep link, storing only its hash; viewers get 403", async () => {
    const link = await linkCode();
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(link.deepLink).toBe(`https://t.me/MiCoreTestBot?start=${link.code}`);
    expect(link.startCommand).toBe(`/start ${link.code}`);
    const channel = await telegramChannel();
    expect(channel?.codeHash).toBe(await sha256Hex(link.code));
    expect(channel?.chatId).toBeNull();
    const viewer = await signIn(acme.users.viewer.email, ip());
    const refused = await send("POST", "/api/alerts/channels/telegram/link", undefined, ip(), {
      cookie: viewer,
    });
    expect(refused.status).toBe(403);
  });

  it("refuses an update without the right secret with 401 and links nothing", async () => {
    const { code } = await linkCode();
    const chatId = newChatId();
    for (const secret of [null, "", "wrong-secret", "test-telegram-secret-but-longer"]) {
      const response = await telegramCalls(JSON.stringify(update(chatId, `/start ${code}`)), secret);
      expect(response.status, String(secret)).toBe(401);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(/X-Telegram-Bot-Api-Secret-Token/);
    }
    expect((await telegramChannel())?.chatId).toBeNull();
    expect(await telegramMessages(String(chatId))).toEqual([]);
  });

  it("links the chat on /start <code>, replies there, and a second use of the code does nothing", async () => {
    const { code } = await linkCode();
    const chatId = newChatId();
    const linked = await telegramCalls(JSON.stringify(update(chatId, `/start ${code}`)));
    expect(linked.status).toBe(200);
    expect(await linked.json()).toEqual({ ok: true, linked: true });
    expect(await telegramChannel()).toMatchObject({ chatId: String(chatId), codeHash: null });
    expect((await telegramMessages(String(chatId))).map((m) => m.text)).toEqual([
      "Готово: оповещения MI Core будут приходить в этот чат.",
    ]);

    const intruder = newChatId();
    const again = await telegramCalls(JSON.stringify(update(intruder, `/start ${code}`)));
    expect(await again.json()).toEqual({ ok: true, linked: false });
    expect((await telegramChannel())?.chatId).toBe(String(chatId));
    expect((await telegramMessages(String(intruder))).map((m) => m.text)).toEqual([
      expect.stringMatching(/^Код не подходит или устарел/),
    ]);

    const list = await send("GET", "/api/alerts/channels", undefined, ip(), { cookie: admin });
    const channel = (
      (await list.json()) as { items: { id: string; kind: string; linked: boolean }[] }
    ).items.find((item) => item.kind === "telegram");
    expect(channel).toMatchObject({ linked: true });
    const test = await send("POST", `/api/alerts/channels/${channel?.id}/test`, undefined, ip(), {
      cookie: admin,
    });
    expect(await test.json()).toMatchObject({ status: "sent", reason: null });
    expect((await telegramMessages(String(chatId))).map((m) => m.text)).toContain(
      "Проверка: оповещения MI Core приходят сюда",
    );
  });

  it("does not link with an expired code", async () => {
    const { code } = await linkCode();
    const before = (await telegramChannel())?.chatId;
    await db()
      .update(alertChannels)
      .set({ linkCodeExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(alertChannels.orgId, acme.orgId));
    const chatId = newChatId();
    const response = await telegramCalls(JSON.stringify(update(chatId, `/start ${code}`)));
    expect(await response.json()).toEqual({ ok: true, linked: false });
    expect((await telegramChannel())?.chatId).toBe(before);
  });

  it("acknowledges other messages and answers 400 to a malformed update, never 500", async () => {
    const chatId = newChatId();
    for (const text of ["hello", "/start", "/help", "/start not a code!"]) {
      const response = await telegramCalls(JSON.stringify(update(chatId, text)));
      expect(await response.json(), text).toEqual({ ok: true, linked: false });
    }
    const ignored = await telegramCalls(JSON.stringify({ update_id: 5, edited_message: { text: "x" } }));
    expect(await ignored.json()).toEqual({ ok: true, linked: false });
    const malformed: [string, RegExp][] = [
      ['{"update_id":', /^body: malformed JSON/],
      ["{}", /^update_id: /],
      ['{"update_id":"7"}', /^update_id: /],
      [
        JSON.stringify({ update_id: 1, message: { message_id: 1, chat: { id: "x" } } }),
        /^message\.chat\.id: /,
      ],
      [
        JSON.stringify({
          update_id: 1,
          message: { message_id: 1, chat: { id: 1, type: "private" }, text: 5 },
        }),
        /^message\.text: /,
      ],
    ];
    for (const [body, message] of malformed) {
      const response = await telegramCalls(body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as ErrorBody).error.message, body).toMatch(message);
    }
    expect(await telegramMessages(String(chatId))).toEqual([]);
  });
});
