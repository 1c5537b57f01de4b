// The dashboard session cookie: a random token signed with SESSION_SECRET (so forged cookies are
// refused without a database round trip), HttpOnly, Secure, SameSite=Lax, valid for 14 days.
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import type { AppEnv } from "../context";

export const SESSION_COOKIE = "mi_session";
export const SESSION_TTL_SECONDS = 14 * 24 * 3600;

export async function readSessionToken(c: Context<AppEnv>): Promise<string | undefined> {
  const token = await getSignedCookie(c, c.var.config.sessionSecret, SESSION_COOKIE);
  return typeof token === "string" && token ? token : undefined;
}

export async function writeSessionCookie(c: Context<AppEnv>, token: string): Promise<void> {
  await setSignedCookie(c, SESSION_COOKIE, token, c.var.config.sessionSecret, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true, httpOnly: true, sameSite: "Lax" });
}
