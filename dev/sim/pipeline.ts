// One request's path through an endpoint: auth, switch-off, faults, rate limits, the handler, headers and stats.

import type { Context } from "hono";
import { ENDPOINTS, type EndpointId, type EndpointInfo } from "./endpoints.js";
import { type FaultRule, RESPONSE_FAULTS } from "./faults.js";
import { checkOzonAuth } from "./ozon/auth.js";
import { ozonErrors } from "./ozon/errors.js";
import { Random } from "./random.js";
import { secondsHeader, type TakeResult } from "./rate-limit.js";
import { type Reply, toResponse } from "./reply.js";
import type { SimState } from "./state.js";
import { switchOffDate } from "./vendor-mode.js";
import { checkWbAuth } from "./wb/auth.js";
import { type WbHost, wbErrors } from "./wb/errors.js";

/** Data faults a handler applies to its own page. */
export interface DataFaults {
  malformed?: FaultRule;
  /** Rows inserted (+) or removed (-) before the requested offset. */
  shiftBy: number;
  /** The offset-paged listing is served in reverse order for this call (its order changed between reads). */
  reorder: boolean;
  /** Rows of the previous page repeated at the start of this one. */
  repeatBoundary: number;
  repeatCursor: boolean;
  hasNextFalseWithCursor: boolean;
  emptyCursor: boolean;
  random: Random;
}

export interface Call {
  state: SimState;
  endpoint: EndpointId;
  /** Simulated now, ms. */
  now: number;
  body: unknown;
  query: URLSearchParams;
  params: Record<string, string>;
  faults: DataFaults;
  principal: string;
}

export type Handler = (call: Call) => Reply;

const HTML_504 =
  "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function wbHost(info: EndpointInfo): WbHost {
  return info.category ?? "statistics";
}

function responseFault(rule: FaultRule, info: EndpointInfo, now: number): Reply {
  const wb = info.vendor === "wb";
  switch (rule.kind) {
    case "rate_limit":
      if (!wb) return ozonErrors.rateLimited();
      return rule.form === "errors"
        ? wbErrors.rateLimitedErrors()
        : wbErrors.rateLimitedProblem(wbHost(info), now);
    case "server_error":
      return wb
        ? wbErrors.serverError(wbHost(info), now, rule.status ?? 500)
        : ozonErrors.serverError(rule.status ?? 500);
    case "gateway_timeout_html":
      return { status: 504, text: HTML_504, contentType: "text/html" };
    case "non_json":
      return {
        status: 200,
        text:
          rule.body ?? "upstream connect error or disconnect/reset before headers. reset reason: overflow",
        contentType: "application/json",
      };
    case "circle_open":
      return wb
        ? wbErrors.serverError(wbHost(info), now, rule.status ?? 503)
        : ozonErrors.circleOpen(rule.status ?? 503);
    case "maintenance":
      return wb ? wbErrors.maintenance(rule.status ?? 503) : ozonErrors.serverError(rule.status ?? 503);
    default:
      return wb ? wbErrors.switchedOff(wbHost(info), now) : ozonErrors.switchedOff();
  }
}

function rateLimitedReply(
  info: EndpointInfo,
  result: TakeResult & { ok: false },
  state: SimState,
  now: number,
): Reply {
  if (info.vendor === "ozon") return ozonErrors.rateLimited();
  const reply = wbErrors.rateLimitedProblem(wbHost(info), now);
  const scale = state.config.timeScale;
  reply.headers = {
    "X-Ratelimit-Retry": secondsHeader(state.time.toWallSeconds(result.retryMs), scale),
    "X-Ratelimit-Limit": String(result.limit),
    "X-Ratelimit-Reset": secondsHeader(state.time.toWallSeconds(result.resetMs), scale),
  };
  return reply;
}

function switchedOff(state: SimState, id: EndpointId, now: number): boolean {
  const date = switchOffDate(state, id);
  return date !== null && now >= Date.parse(date);
}

/** Takes tokens from the limits that apply; returns the failed take, or the endpoint's remaining tokens. */
function applyLimits(state: SimState, id: EndpointId, info: EndpointInfo, principal: string): TakeResult {
  const now = state.time.now();
  if (info.vendor === "ozon") {
    const global = state.buckets.take(`ozon:${principal}`, state.config.ozonGlobalLimit, now);
    if (!global.ok) return global;
  }
  const own = id in state.config.limits ? state.config.limits[id] : info.limit;
  if (!own) return { ok: true, remaining: 1_000 };
  return state.buckets.take(`${id}:${principal}`, own, now);
}

async function parseBody(
  c: Context,
  info: EndpointInfo,
): Promise<{ ok: true; body: unknown } | { ok: false }> {
  if (info.method !== "POST") return { ok: true, body: undefined };
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function endpointRoute(getState: () => SimState, id: EndpointId, handler: Handler) {
  const info = ENDPOINTS[id];
  return async (c: Context): Promise<Response> => {
    const state = getState();
    // The limiter's clock when the request's budget is judged (on arrival, or after a "slow" fault's delay). Taken
    // before the reply is built, so a page that is slow to build (a loaded machine) does not move it closer to the
    // next request in the log.
    let judgedAt = state.time.now();
    const now = state.world.now();
    const url = new URL(c.req.url);
    const headers = c.req.raw.headers;
    const record = (reply: Reply, principal: string, fired: FaultRule[]): Response => {
      state.stats.add({
        endpoint: id,
        method: c.req.method,
        path: url.pathname,
        status: reply.status,
        at: Date.now(),
        limiterAt: judgedAt,
        simTime: new Date(now).toISOString(),
        principal,
        faults: fired.map((f) => f.kind),
      });
      return toResponse(reply);
    };

    const auth =
      info.vendor === "ozon"
        ? checkOzonAuth(headers, state.config)
        : checkWbAuth(headers, state.config, info.category ?? "statistics", now);
    if (!auth.ok) return record(auth.reply, "", []);
    const principal = auth.principal;

    const { call, fired } = state.faults.select(id);
    const delay = fired.filter((f) => f.kind === "slow").reduce((sum, f) => sum + (f.delayMs ?? 5_000), 0);
    if (delay > 0) {
      await sleep(delay);
      judgedAt = state.time.now();
    }

    if (switchedOff(state, id, now)) {
      return record(
        info.vendor === "wb" ? wbErrors.switchedOff(wbHost(info), now) : ozonErrors.switchedOff(),
        principal,
        fired,
      );
    }
    const limit: TakeResult = state.config.limitsEnabled
      ? applyLimits(state, id, info, principal)
      : { ok: true, remaining: 1_000 };
    if (!limit.ok) return record(rateLimitedReply(info, limit, state, now), principal, fired);

    const withRemaining = (reply: Reply): Reply => {
      if (info.vendor === "wb" && reply.status !== 429) {
        reply.headers = { ...reply.headers, "X-Ratelimit-Remaining": String(limit.remaining) };
      }
      return reply;
    };
    const hard = fired.find((f) => RESPONSE_FAULTS.has(f.kind));
    if (hard) return record(withRemaining(responseFault(hard, info, now)), principal, fired);

    const parsed = await parseBody(c, info);
    if (!parsed.ok) {
      const bad =
        info.vendor === "ozon"
          ? ozonErrors.badRequest("invalid request payload: malformed JSON")
          : wbErrors.badRequest(wbHost(info), now, "invalid JSON body");
      return record(withRemaining(bad), principal, fired);
    }
    const faults: DataFaults = {
      malformed: fired.find((f) => f.kind === "malformed_rows"),
      shiftBy: fired.filter((f) => f.kind === "shift_rows").reduce((sum, f) => sum + (f.by ?? 1), 0),
      reorder: fired.some((f) => f.kind === "reorder_rows"),
      repeatBoundary: fired
        .filter((f) => f.kind === "repeat_boundary")
        .reduce((sum, f) => sum + (f.count ?? 1), 0),
      repeatCursor: fired.some((f) => f.kind === "repeat_cursor"),
      hasNextFalseWithCursor: fired.some((f) => f.kind === "has_next_false_with_cursor"),
      emptyCursor: fired.some((f) => f.kind === "empty_cursor"),
      random: new Random(state.world.options.seed).fork(`malform:${id}:${call}`),
    };
    const reply = handler({
      state,
      endpoint: id,
      now,
      body: parsed.body,
      query: url.searchParams,
      params: c.req.param() as Record<string, string>,
      faults,
      principal,
    });
    return record(withRemaining(reply), principal, fired);
  };
}
