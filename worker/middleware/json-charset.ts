// JSON bodies are UTF-8 (RFC 8259 §8.1), and the routes read them as UTF-8: a JSON Content-Type naming another
// charset (`application/json; charset=utf-16`) is refused with a 415 that says so, instead of its bytes being read
// as UTF-8 and answered as if they had been.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** The charset parameter of a Content-Type (lower case, unquoted), or undefined without one. */
export function contentTypeCharset(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType);
  return match?.[2]?.toLowerCase();
}

export function jsonCharset(): MiddlewareHandler<AppEnv> {
  return async function jsonCharsetMiddleware(c, next) {
    const contentType = c.req.header("content-type") ?? "";
    if (/^\s*application\/(?:[\w.-]+\+)?json\b/i.test(contentType)) {
      const charset = contentTypeCharset(contentType);
      if (charset !== undefined && charset !== "utf-8" && charset !== "utf8")
        throw new ApiError(
          "UNSUPPORTED_MEDIA_TYPE",
          `Content-Type: charset ${charset} is not accepted; send the JSON as UTF-8 (charset=utf-8, or none)`,
        );
    }
    await next();
  };
}
