// A webhook delivery: the alert as JSON, POSTed with its signature (signature.ts) and timestamp headers. A 2xx
// is delivered; 429 (with Retry-After seconds) and 5xx are retried; any other answer is the receiver's refusal.
import { outcomeOfStatus, type SendOutcome } from "./send-outcome";
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "./signature";

export interface WebhookBody {
  id: string;
  rule: string;
  text: string;
  payload: unknown;
}

export async function postWebhook(
  target: { url: string; secret: string },
  body: WebhookBody,
  nowMs: number,
): Promise<SendOutcome> {
  const text = JSON.stringify(body);
  const timestamp = Math.floor(nowMs / 1000);
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: await signWebhook(target.secret, timestamp, text),
      },
      body: text,
    });
  } catch {
    // The runtime's error text can describe the network the Worker runs in; the receiver's owner needs only this.
    return { kind: "transient", reason: "webhook unreachable: no connection to the receiver" };
  }
  await response.body?.cancel();
  if (response.ok) return { kind: "sent" };
  const retryAfter = Number(response.headers.get("retry-after"));
  return outcomeOfStatus(
    response.status,
    `webhook answered ${response.status}`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
