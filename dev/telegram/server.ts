// A local stand-in for the Telegram Bot API's sendMessage and for a webhook receiver, for tests and `npm run dev`
// (Telegram cannot be reached here). It records what it was sent; a test can script the next answers for a
// chat (a 429 with retry_after, a 403) and read back the messages and the webhook requests as they arrived.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TelegramStandIn {
  url: string;
  close(): Promise<void>;
}

interface ScriptedAnswer {
  status: number;
  body: unknown;
}

interface SentMessage {
  chatId: string;
  text: string;
}

interface WebhookRequest {
  name: string;
  headers: Record<string, string>;
  body: string;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the stand-in on 127.0.0.1 (port 0 = any free port); `token` is the only bot token it accepts. */
export async function startTelegramStandIn(options: {
  port: number;
  token: string;
}): Promise<TelegramStandIn> {
  const messages: SentMessage[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const webhooks: WebhookRequest[] = [];
  let nextMessageId = 1;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const body = await readBody(request);
    const reply = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    const send = url.pathname.match(/^\/bot([^/]+)\/sendMessage$/);
    if (send && request.method === "POST") {
      if (send[1] !== options.token)
        return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
      const input = JSON.parse(body || "{}") as { chat_id?: string | number; text?: string };
      const chatId = String(input.chat_id ?? "");
      if (!chatId || !input.text)
        return reply(400, {
          ok: false,
          error_code: 400,
          description: "Bad Request: chat_id and text required",
        });
      const scripted = scripts.get(chatId)?.shift();
      if (scripted) return reply(scripted.status, scripted.body);
      messages.push({ chatId, text: input.text });
      return reply(200, {
        ok: true,
        result: { message_id: nextMessageId++, chat: { id: chatId }, text: input.text },
      });
    }
    const hook = url.pathname.match(/^\/_webhook\/([\w-]+)$/);
    if (hook?.[1] && request.method === "POST") {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
      webhooks.push({ name: hook[1], headers, body });
      return reply(200, { received: true });
    }
    if (url.pathname === "/_control/script" && request.method === "POST") {
      const input = JSON.parse(body) as { chatId: string; answers: ScriptedAnswer[] };
      scripts.set(input.chatId, [...(scripts.get(input.chatId) ?? []), ...input.answers]);
      return reply(200, { scripted: input.answers.length });
    }
    if (url.pathname === "/_control/messages") {
      const chatId = url.searchParams.get("chatId");
      return reply(
        200,
        messages.filter((m) => chatId === null || m.chatId === chatId),
      );
    }
    if (url.pathname === "/_control/webhooks") {
      const name = url.searchParams.get("name");
      return reply(
        200,
        webhooks.filter((w) => name === null || w.name === name),
      );
    }
    return reply(404, { ok: false, error_code: 404, description: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
