import { describe, expect, it } from 'vitest';
import type { MockRequest } from '../src/answer.ts';
import { classifyCredentials } from '../src/credentials.ts';
import { ResponseCache } from '../src/response-cache.ts';
import { basicAuth } from './http.ts';

type Overrides = Partial<Omit<MockRequest, 'credentials'>> & { authorization?: string | undefined };

/** A request as the server makes it from what it received, credentials classified from the `Authorization` header. */
const request = (overrides: Overrides = {}): MockRequest => {
  const { authorization, ...rest } = { authorization: basicAuth('ada@example.com', 'secret'), ...overrides };
  return {
    method: 'POST',
    path: '/reports/api/v3/workspace/1/search/time_entries.csv',
    credentials: classifyCredentials(authorization),
    preference: {},
    body: Buffer.from('{"start_date":"2026-10-01"}'),
    today: '2026-10-05',
    ...rest,
  };
};

describe('ResponseCache keys', () => {
  const cache = new ResponseCache();
  const key = (overrides?: Overrides) => cache.keyOf(request(overrides));

  it('hold whether credentials are usable, never the credentials', () => {
    expect(key({ authorization: basicAuth('grace@example.com', 'other') })).toBe(key());
    expect(key()).not.toContain('secret');
    expect(key()).not.toContain(basicAuth('ada@example.com', 'secret'));
    expect(key({ authorization: basicAuth('ada@example.com', '') })).not.toBe(key());
    expect(key({ authorization: undefined })).not.toBe(key());
  });

  it('tell apart everything the answer depends on', () => {
    const variants = [
      key(),
      key({ path: '/reports/api/v3/workspace/1/search/time_entries.xlsx' }),
      key({ method: 'GET' }),
      key({ accept: 'text/csv' }),
      key({ preference: { code: 429 } }),
      key({ preference: { example: 'TooManyRequests' } }),
      key({ contentType: 'text/plain' }),
      key({ body: Buffer.from('{"start_date":"2026-10-02"}') }),
      key({ today: '2026-10-06' }),
    ];
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('hold the date the request came in, which its answer is computed for, not the date the key is made', () => {
    expect(key({ today: '2026-10-04' })).toContain('2026-10-04');
    expect(key({ today: '2026-10-04' })).toBe(key({ today: '2026-10-04' }));
  });

  it('leave out large bodies', () => {
    expect(key({ body: Buffer.alloc(64 * 1024 + 1, 0x20) })).toBeUndefined();
  });
});
