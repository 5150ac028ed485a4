/*
 * Toggl's limits on API calls: an hourly quota per user and organization, counted in a sliding
 * window, and a pace past which requests get 429. The mock's dataset has no organizations, so
 * each workspace stands for its own.
 */

/** Toggl's hourly quotas by plan. */
export const quotaPlans = { free: 30, starter: 240, premium: 600 } as const;
export type QuotaPlan = keyof typeof quotaPlans;

export interface QuotaOptions {
  /** Requests allowed per user and organization in the window. */
  limit: number;
  /** Length of the sliding window, in seconds. Default 3600, Toggl's hour; shorter makes a test wait less. */
  windowSeconds?: number;
}

export interface RateLimitOptions {
  /** Requests a user may send per second, on average. Default 1, which Toggl says is always safe. */
  perSecond?: number;
  /** Requests a user may send at once before the pace applies. Default 1. */
  burst?: number;
}

export interface QuotaState {
  /** Whether this request is within the quota. */
  allowed: boolean;
  /** Requests counted in the window, this one included. */
  used: number;
  limit: number;
  remaining: number;
  /** Whole seconds until `remaining` grows again. */
  resetsInSeconds: number;
}

/** Counts are kept per slot of this share of the window, so a user's memory is bounded however fast they send. */
const slotsPerWindow = 3600;

/**
 * The quota: every request counts, refused ones too (Toggl's 402 reads "You've used 67 / 30"),
 * so a client that keeps sending past the quota keeps it used up.
 */
export class QuotaCounter {
  readonly limit: number;
  readonly #windowMs: number;
  readonly #slotMs: number;
  /** Per key: [slot start, requests in it], oldest first. */
  readonly #slots = new Map<string, [number, number][]>();

  constructor({ limit, windowSeconds = 3600 }: QuotaOptions) {
    this.limit = limit;
    this.#windowMs = windowSeconds * 1000;
    this.#slotMs = this.#windowMs / slotsPerWindow;
  }

  count(key: string, now: number): QuotaState {
    const slots = this.#slots.get(key) ?? [];
    this.#slots.set(key, slots);
    const windowStart = now - this.#windowMs;
    while (slots.length > 0 && (slots[0] as [number, number])[0] <= windowStart) slots.shift();
    const slotStart = now - (now % this.#slotMs);
    const last = slots.at(-1);
    if (last && last[0] === slotStart) last[1]++;
    else slots.push([slotStart, 1]);

    let used = 0;
    for (const [, requests] of slots) used += requests;
    const allowed = used <= this.limit;
    return {
      allowed,
      used,
      limit: this.limit,
      remaining: Math.max(0, this.limit - used),
      resetsInSeconds: this.#resetsIn(slots, used, now),
    };
  }

  /** When enough of the oldest requests leave the window for one more to be allowed. */
  #resetsIn(slots: [number, number][], used: number, now: number): number {
    let toLeave = used - this.limit + 1;
    for (const [start, requests] of slots) {
      toLeave -= requests;
      if (toLeave <= 0) return Math.max(1, Math.ceil((start + this.#windowMs - now) / 1000));
    }
    return Math.ceil(this.#windowMs / 1000); // not reached: the request just counted is in the last slot
  }

  reset(): void {
    this.#slots.clear();
  }
}

/** The pace: a token bucket per user, `burst` deep, refilled at `perSecond`. */
export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor({ perSecond = 1, burst = 1 }: RateLimitOptions) {
    this.#perMs = perSecond / 1000;
    this.#burst = burst;
  }

  /** Takes a token for `key`: undefined when one was there, else the whole seconds until one will be. */
  take(key: string, now: number): number | undefined {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  reset(): void {
    this.#buckets.clear();
  }
}
