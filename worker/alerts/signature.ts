// Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with the channel's secret, hex in X-MI-Signature
// ("v1=<hex>"), the Unix seconds in X-MI-Timestamp. A receiver recomputes it and refuses a timestamp outside the
// replay window, so a captured request cannot be sent again later, nor its body altered.
export const SIGNATURE_HEADER = "X-MI-Signature";
export const TIMESTAMP_HEADER = "X-MI-Timestamp";
/** Seconds a signed request stays acceptable (either side of the receiver's clock). */
export const REPLAY_WINDOW_SECONDS = 300;

const encoder = new TextEncoder();

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  return [...mac].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The X-MI-Signature value for a body sent at `timestampSeconds`. */
export async function signWebhook(secret: string, timestampSeconds: number, body: string): Promise<string> {
  return `v1=${await hmacHex(secret, `${timestampSeconds}.${body}`)}`;
}

export type VerifyFailure = "missing-headers" | "stale-timestamp" | "bad-signature";

/** null when the request is authentic and fresh; otherwise why it is refused. */
export async function verifyWebhook(
  secret: string,
  headers: { signature: string | null; timestamp: string | null },
  body: string,
  nowSeconds: number,
): Promise<VerifyFailure | null> {
  if (!headers.signature || !headers.timestamp || !/^\d+$/.test(headers.timestamp)) return "missing-headers";
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return "stale-timestamp";
  const expected = await signWebhook(secret, timestamp, body);
  return constantTimeEqual(expected, headers.signature) ? null : "bad-signature";
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
