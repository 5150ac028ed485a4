import { createHash } from 'node:crypto';
import type { ReadCredentials } from './credentials.ts';
import { QuotaCounter, type QuotaOptions, RateLimiter, type RateLimitOptions } from './limits.ts';
import { type MockResponse, togglError } from './responses.ts';
import { quotaExceeded, tooManyRequests } from './toggl-messages.ts';

export type LimitCheck = { refusal: MockResponse } | { refusal?: undefined; headers: Readonly<Record<string, string>> };

const noHeaders: LimitCheck = { headers: Object.freeze({}) };

/**
 * Applies the server's rate limit and quota to an export request, as Toggl does for a signed-in
 * user: first the pace (429 with `Retry-After`), then the hourly quota (402), whose headers go on
 * every answer it counts. Requests without usable credentials are not counted: Toggl refuses
 * them before it knows whose they are.
 */
export class RequestLimits {
  readonly #quota: QuotaCounter | undefined;
  readonly #rateLimiter: RateLimiter | undefined;

  constructor(quota: QuotaOptions | undefined, rateLimit: RateLimitOptions | undefined) {
    this.#quota = quota && new QuotaCounter(quota);
    this.#rateLimiter = rateLimit && new RateLimiter(rateLimit);
  }

  get enabled(): boolean {
    return this.#quota !== undefined || this.#rateLimiter !== undefined;
  }

  /** `organization`: what the request's path is counted against, e.g. its workspace. */
  check(credentials: ReadCredentials, organization: string, now: number): LimitCheck {
    if (credentials.user === undefined) return noHeaders;
    // Hashed, so the server holds no credentials between requests.
    const user = createHash('sha256').update(credentials.user).digest('base64');
    const retryAfter = this.#rateLimiter?.take(user, now);
    if (retryAfter !== undefined) return { refusal: togglError(429, tooManyRequests, { 'Retry-After': String(retryAfter) }) };
    if (!this.#quota) return noHeaders;
    const state = this.#quota.count(`${user} ${organization}`, now);
    const headers = { 'X-Toggl-Quota-Remaining': String(state.remaining), 'X-Toggl-Quota-Resets-In': String(state.resetsInSeconds) };
    return state.allowed ? { headers } : { refusal: togglError(402, quotaExceeded(state.used, state.limit), headers) };
  }

  reset(): void {
    this.#quota?.reset();
    this.#rateLimiter?.reset();
  }
}
