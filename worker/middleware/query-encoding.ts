// A query's values are UTF-8, percent-encoded (RFC 3986 §2.1; what encodeURIComponent writes). A %-escape
// that does not decode (`search=%E0%A4%A`, a lone `%`, bytes that are not UTF-8) is a 400 naming the parameter:
// Hono hands such a value on undecoded, so the search looked for the escape itself and found nothing. Only the
// reads (GET, HEAD) take a query; the other methods ignore one, as their routes do.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** A query component decoded as a form does (`+` is a space), or undefined when it does not decode. */
function decoded(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

export function decodableQuery(): MiddlewareHandler<AppEnv> {
  return async function decodableQueryMiddleware(c, next) {
    const url = c.req.url;
    const start = url.indexOf("?");
    const read = c.req.method === "GET" || c.req.method === "HEAD";
    if (read && start !== -1 && url.includes("%", start)) {
      for (const pair of url.slice(start + 1).split("&")) {
        const equals = pair.indexOf("=");
        const name = decoded(equals === -1 ? pair : pair.slice(0, equals));
        const value = equals === -1 ? "" : pair.slice(equals + 1);
        if (name === undefined || decoded(value) === undefined) {
          const field = name ?? "query";
          throw new ApiError(
            "BAD_REQUEST",
            `${field}: has a %-escape that does not decode (percent-encode the text's UTF-8 bytes, % itself as %25)`,
            {},
            { field, reason: "encoding" },
          );
        }
      }
    }
    await next();
  };
}
