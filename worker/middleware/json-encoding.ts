// JSON bodies are UTF-8 (RFC 8259 §8.1), and the routes read them as UTF-8. A JSON Content-Type naming another
// charset (`application/json; charset=utf-16`), or naming one twice or empty, is refused with a 415 that says so;
// a body whose bytes are not UTF-8 (Windows-1251 text sent without a charset) is a 400, where its letters were
// stored as replacement characters. A JSON Content-Type is read leniently, as RFC 9110 §8.3.1 writes it (a space
// before ";", a trailing ";"), and handed on as its bare media type: the routes' validator
// (@hono/zod-openapi) takes only `type/subtype` followed by `; name=value` pairs, so refused those as not JSON.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** Every charset parameter of a Content-Type, lower case, unquoted ("" for one without a value). */
export function contentTypeCharsets(contentType: string): string[] {
  return [...contentType.matchAll(/;\s*charset\s*(?:=\s*("|')?([^"';\s]*)\1?)?/gi)].map((match) =>
    (match[2] ?? "").toLowerCase(),
  );
}

const UTF8 = new Set(["utf-8", "utf8"]);
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function refuse(problem: string): never {
  throw new ApiError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Content-Type: ${problem}; send the JSON as UTF-8 (charset=utf-8, or no charset)`,
  );
}

/** The media type of a Content-Type, lower case, when it is JSON (`application/json`, `application/*+json`). */
function jsonMediaType(contentType: string): string | undefined {
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return /^application\/(?:[\w.-]+\+)?json$/.test(mediaType) ? mediaType : undefined;
}

export function jsonEncoding(): MiddlewareHandler<AppEnv> {
  return async function jsonEncodingMiddleware(c, next) {
    const contentType = c.req.header("content-type") ?? "";
    const mediaType = jsonMediaType(contentType);
    if (mediaType !== undefined) {
      const charsets = contentTypeCharsets(contentType);
      if (charsets.length > 1) refuse("more than one charset");
      const [charset] = charsets;
      if (charset === "") refuse("charset has no value");
      if (charset !== undefined && !UTF8.has(charset)) refuse(`charset ${charset} is not accepted`);
      if (contentType !== mediaType) {
        // Its one parameter that matters (the charset) is checked: the validator gets the bare media type.
        const headers = new Headers(c.req.raw.headers);
        headers.set("content-type", mediaType);
        c.req.raw = new Request(c.req.raw, { headers });
      }
      if (c.req.raw.body) {
        // Read once here (Hono keeps it for the route's validator) and decoded strictly.
        const bytes = await c.req.arrayBuffer();
        try {
          strictUtf8.decode(bytes);
        } catch {
          throw new ApiError(
            "BAD_REQUEST",
            "body: not valid UTF-8 (was it saved in another encoding, such as Windows-1251?); send the JSON as UTF-8",
            {},
            { field: "body", reason: "encoding" },
          );
        }
      }
    }
    await next();
  };
}
