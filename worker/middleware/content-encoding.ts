// Request bodies are read as sent: a body with a Content-Encoding (gzip, deflate, br) would reach the JSON
// parser as compressed bytes and be refused as malformed JSON. It is a 415 that says to send it uncompressed,
// with `Accept-Encoding: identity` (RFC 7694 §3). Decompressing instead would need its own size bound (a small
// gzip body can inflate far past the body limit) for bodies of a few kilobytes at most.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

export function uncompressedBodies(): MiddlewareHandler<AppEnv> {
  return async function uncompressedBodiesMiddleware(c, next) {
    const encoding = c.req.header("content-encoding")?.trim() ?? "";
    if (c.req.raw.body && encoding !== "" && encoding.toLowerCase() !== "identity")
      throw new ApiError(
        "UNSUPPORTED_MEDIA_TYPE",
        `Content-Encoding: ${encoding} is not accepted; send the body uncompressed`,
        { "Accept-Encoding": "identity" },
      );
    await next();
  };
}
