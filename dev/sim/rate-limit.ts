// Token buckets per endpoint and principal, running on a scaled clock so minute-long windows can last milliseconds.

export interface LimitSpec {
  /** Requests refilled per period. */
  requests: number;
  periodSeconds: number;
  /** Bucket size (requests allowed at once). */
  burst: number;
}

/** Wall time multiplied by timeScale (60 makes a one-minute window last one second), plus manual skips. */
export class ScaledTime {
  private baseWall = performance.now();
  private baseScaled = 0;

  constructor(private scale: number) {}

  get timeScale(): number {
    return this.scale;
  }

  /** Scaled milliseconds since start. */
  now(): number {
    return this.baseScaled + (performance.now() - this.baseWall) * this.scale;
  }

  setScale(scale: number): void {
    this.baseScaled = this.now();
    this.baseWall = performance.now();
    this.scale = scale;
  }

  /** Jumps the limiter clock forward (tests use it to refill buckets without waiting). */
  skip(ms: number): void {
    this.baseScaled += ms;
  }

  /** Converts a scaled duration into real seconds, the unit the vendors' headers use. */
  toWallSeconds(scaledMs: number): number {
    return scaledMs / this.scale / 1000;
  }
}

export type TakeResult =
  | { ok: true; remaining: number }
  | { ok: false; retryMs: number; resetMs: number; limit: number; remaining: 0 };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  clear(): void {
    this.buckets.clear();
  }

  /** Takes one token from the key's bucket if one is available. */
  take(key: string, spec: LimitSpec, now: number): TakeResult {
    const rate = spec.requests / (spec.periodSeconds * 1000);
    const bucket = this.buckets.get(key) ?? { tokens: spec.burst, at: now };
    bucket.tokens = Math.min(spec.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return {
      ok: false,
      retryMs: (1 - bucket.tokens) / rate,
      resetMs: (spec.burst - bucket.tokens) / rate,
      limit: spec.burst,
      remaining: 0,
    };
  }

  /** Tokens left without taking one. */
  peek(key: string, spec: LimitSpec, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return spec.burst;
    const rate = spec.requests / (spec.periodSeconds * 1000);
    return Math.floor(Math.min(spec.burst, bucket.tokens + (now - bucket.at) * rate));
  }
}

/** A header value in seconds: whole seconds at real time, fractional (ms precision) when time is scaled. */
export function secondsHeader(seconds: number, timeScale: number): string {
  if (timeScale === 1) return String(Math.max(1, Math.ceil(seconds)));
  return String(Math.max(0.001, Math.ceil(seconds * 1000) / 1000));
}
