// A Wildberries-shaped API token for tests: a JWT whose payload carries `s` (the token's categories as a bitmask,
// bit 1 content … 5 statistics) and `exp`, as WB issues them. The signature is a placeholder: nothing of ours checks
// it, and the simulator knows a token by its whole string.
const BITS = { content: 1, analytics: 2, prices: 3, marketplace: 4, statistics: 5, readonly: 30 } as const;

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

export function wbJwt(
  categories: (keyof typeof BITS)[],
  options: { exp?: number; id?: string } = {},
): string {
  const s = categories.reduce((mask, category) => mask + 2 ** BITS[category], 0);
  const payload = {
    id: options.id ?? crypto.randomUUID(),
    s,
    sid: "seller-1",
    exp: options.exp ?? 4_102_444_800,
  };
  return `${base64url({ alg: "ES256", kid: "test", typ: "JWT" })}.${base64url(payload)}.c2lnbmF0dXJl`;
}
