import { type CorsOrigins, originProblem } from './cors.ts';
import { type FaultRates, faultKinds, isFaultKind } from './faults.ts';
import { type QuotaOptions, type QuotaPlan, quotaPlans, type RateLimitOptions } from './limits.ts';
import { maxDelayMs } from './prefer.ts';
import { defaultRenderThreads, maxRenderThreads } from './render-pool.ts';

/** How the mock behaves beyond the API itself: who may call it from a browser, what it records, its limits and faults. */
export interface BehaviourOptions {
  /**
   * Origins a browser app may call the mock from: `'*'` (any, the default), a list such as
   * `['http://localhost:5173']`, or `false` for no CORS headers at all.
   */
  corsOrigins?: CorsOrigins;
  /** How many of the latest requests the journal keeps. Default 1000; `0` keeps none. */
  journalSize?: number;
  /**
   * Toggl's hourly quota per user and organization (each workspace counts as one): a plan name
   * (`'free'` 30, `'starter'` 240, `'premium'` 600), a number of requests, or `{ limit, windowSeconds }`.
   * Default: none.
   */
  quota?: QuotaPlan | number | QuotaOptions;
  /** Answer requests that come faster than Toggl allows with 429: `true` for Toggl's one a second, or `{ perSecond, burst }`. Default: off. */
  rateLimit?: boolean | RateLimitOptions;
  /** Milliseconds every answer waits before it is sent. Default 0. */
  latencyMs?: number;
  /** For every export request, the chance of each fault, from 0 to 1, e.g. `{ drop: 0.1, '503': 0.05 }`. Default: none. */
  faults?: FaultRates;
  /**
   * Worker threads that write the XLSX and PDF files, so that other requests are answered while
   * a file is written; started as the first such file is asked for. Default: the machine's
   * cores less one, from 1 to 4; `0` writes every file in the server's own thread.
   */
  renderThreads?: number;
}

export interface Behaviour {
  corsOrigins: CorsOrigins;
  journalSize: number;
  quota: QuotaOptions | undefined;
  rateLimit: RateLimitOptions | undefined;
  latencyMs: number;
  faults: FaultRates;
  renderThreads: number;
}

/** The largest journalSize and the largest quota a server takes. */
export const maxJournalSize = 1_000_000;
export const maxQuotaLimit = 1_000_000;

/** Checks the options and fills in the defaults; a bad value throws a `TypeError` naming the option, what it was and what is allowed. */
export function resolveBehaviour(options: BehaviourOptions): Behaviour {
  return {
    corsOrigins: corsOriginsOf(options.corsOrigins),
    journalSize: options.journalSize === undefined ? 1000 : wholeNumber('journalSize', options.journalSize, 0, maxJournalSize),
    quota: quotaOf(options.quota),
    rateLimit: rateLimitOf(options.rateLimit),
    latencyMs: options.latencyMs === undefined ? 0 : wholeNumber('latencyMs', options.latencyMs, 0, maxDelayMs),
    faults: faultRatesOf(options.faults),
    renderThreads:
      options.renderThreads === undefined
        ? defaultRenderThreads()
        : wholeNumber('renderThreads', options.renderThreads, 0, maxRenderThreads),
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

function invalid(option: string, value: unknown, allowed: string): never {
  throw new TypeError(`Invalid ${option} ${describe(value)}: ${allowed}`);
}

function wholeNumber(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    invalid(option, value, `expected a whole number from ${min} to ${max}`);
  return value;
}

function positiveNumber(option: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) invalid(option, value, 'expected a number above 0');
  return value;
}

/** The fields of an options object, which must be among `known`: a misspelt one would otherwise be passed over. */
function fieldsOf(option: string, value: unknown, known: readonly string[], allowed: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(option, value, allowed);
  const unknown = Object.keys(value).find((name) => !known.includes(name));
  if (unknown !== undefined) throw new TypeError(`Invalid ${option}: unknown field '${unknown}'; the fields are ${known.join(', ')}`);
  return value as Record<string, unknown>;
}

function corsOriginsOf(value: unknown): CorsOrigins {
  if (value === undefined || value === '*') return '*';
  if (value === false) return false;
  if (!Array.isArray(value)) invalid('corsOrigins', value, "use '*', a list of origins such as ['http://localhost:5173'], or false");
  value.forEach((origin, index) => {
    const problem = originProblem(origin);
    if (problem) throw new TypeError(`Invalid corsOrigins[${index}]: ${problem}`);
  });
  return [...value];
}

const planNames = Object.keys(quotaPlans).join(', ');
const quotaAllowed = `use a plan (${planNames}), a number of requests, or { limit, windowSeconds }`;

function quotaOf(value: unknown): QuotaOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    if (!Object.hasOwn(quotaPlans, value)) invalid('quota', value, quotaAllowed);
    return { limit: quotaPlans[value as QuotaPlan] };
  }
  if (typeof value === 'number') return { limit: wholeNumber('quota', value, 1, maxQuotaLimit) };
  const { limit, windowSeconds = 3600 } = fieldsOf('quota', value, ['limit', 'windowSeconds'], quotaAllowed);
  return {
    limit: wholeNumber('quota.limit', limit, 1, maxQuotaLimit),
    windowSeconds: positiveNumber('quota.windowSeconds', windowSeconds),
  };
}

function rateLimitOf(value: unknown): RateLimitOptions | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  const allowed = 'use true (one request a second, as Toggl) or { perSecond, burst }';
  const { perSecond = 1, burst = 1 } = fieldsOf('rateLimit', value, ['perSecond', 'burst'], allowed);
  return { perSecond: positiveNumber('rateLimit.perSecond', perSecond), burst: wholeNumber('rateLimit.burst', burst, 1, 1_000_000) };
}

function faultRatesOf(value: unknown): FaultRates {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid('faults', value, `use an object of chances from 0 to 1 for ${faultKinds.join(', ')}`);
  const rates: FaultRates = {};
  for (const [kind, rate] of Object.entries(value)) {
    if (!isFaultKind(kind)) throw new TypeError(`Invalid faults key '${kind}': the faults are ${faultKinds.join(', ')}`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) invalid(`faults.${kind}`, rate, 'expected a chance from 0 to 1');
    rates[kind] = rate;
  }
  return rates;
}
