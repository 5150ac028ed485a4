/** What a `Prefer` header asks of the mock: `code=402`, `example=QuotaExhausted`, or both. */
export interface Preference {
  code?: number;
  example?: string;
}

export type PreferenceResult = { ok: true; preference: Preference } | { ok: false; message: string };

export function parsePrefer(header: string | undefined): PreferenceResult {
  const preference: Preference = {};
  for (const part of (header ?? '').split(/[,;]/)) {
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
    }
    // Other preferences (Prism's `dynamic`, RFC 7240's `return`, ...) do not apply to a mock with fixed answers.
  }
  return { ok: true, preference };
}
