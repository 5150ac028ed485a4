import { type FaultKind, faultKinds, isFaultKind } from './faults.ts';

/** What a `Prefer` header asks of the mock, e.g. `code=402, example=QuotaExhausted` or `delay=250, fault=truncate`. */
export interface Preference {
  /** A documented status to answer with. */
  code?: number;
  /** A documented example to answer with. */
  example?: string;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** A fault instead of the answer. */
  fault?: FaultKind;
}

export type PreferenceResult = { ok: true; preference: Preference } | { ok: false; message: string };

/** The longest `delay` asked for one request: longer than any client's timeout should be, short of a hang. */
export const maxDelayMs = 60_000;

/** RFC 7240's own preferences, which any HTTP library may send and which do not apply to a mock: passed over. */
const standardPreferences = new Set(['return', 'respond-async', 'wait', 'handling']);
const known = ['code', 'example', 'delay', 'fault'];

const noPreference: PreferenceResult = { ok: true, preference: {} };

export function parsePrefer(header: string | undefined): PreferenceResult {
  if (header === undefined || header === '') return noPreference;
  const preference: Preference = {};
  for (const part of header.split(/[,;]/)) {
    const [rawName = '', ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === '') continue;
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value))
        return { ok: false, message: `Invalid Prefer code '${value}': expected an HTTP status such as code=429` };
      preference.code = Number(value);
    } else if (name === 'example') {
      if (value === '') return { ok: false, message: 'Invalid Prefer example: expected a name such as example=QuotaExhausted' };
      preference.example = value;
    } else if (name === 'delay') {
      const delayMs = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(delayMs <= maxDelayMs))
        return {
          ok: false,
          message: `Invalid Prefer delay '${value}': expected whole milliseconds from 0 to ${maxDelayMs}, such as delay=250`,
        };
      preference.delayMs = delayMs;
    } else if (name === 'fault') {
      if (!isFaultKind(value)) return { ok: false, message: `Invalid Prefer fault '${value}': expected one of ${faultKinds.join(', ')}` };
      preference.fault = value;
    } else if (!standardPreferences.has(name)) {
      return { ok: false, message: `Unknown Prefer '${name}': the mock understands ${known.join(', ')}` };
    }
  }
  return { ok: true, preference };
}
