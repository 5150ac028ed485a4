import { describe, expect, it } from 'vitest';
import type { MockRequest } from '../src/answer.ts';
import { classifyCredentials } from '../src/credentials.ts';
import { ResponseCache } from '../src/response-cache.ts';
import type { MockResponse } from '../src/responses.ts';
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

describe('ResponseCache.computeOnce', () => {
  const answer = (text: string): MockResponse => ({ status: 200, headers: {}, body: Buffer.from(text) });
  /** A computation the test finishes itself, counting how often it was started. */
  function pending() {
    let finish!: (response: MockResponse) => void;
    let fail!: (error: Error) => void;
    const computation = { started: 0, finish: (response: MockResponse) => finish(response), fail: (error: Error) => fail(error) };
    const compute = () => {
      computation.started += 1;
      return new Promise<MockResponse>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    };
    return { computation, compute };
  }

  it('answers requests that come while the same one is computed with its answer, computed once, and keeps it', async () => {
    const cache = new ResponseCache();
    const { computation, compute } = pending();
    const waiting = [cache.computeOnce('k', compute), cache.computeOnce('k', compute), cache.computeOnce('k', compute)];
    expect(computation.started).toBe(1);
    expect(cache.get('k')).toBeUndefined();
    const response = answer('file');
    computation.finish(response);
    for (const each of await Promise.all(waiting)) expect(each).toBe(response);
    expect(cache.get('k')).toBe(response);
  });

  it('computes other keys apart', () => {
    const cache = new ResponseCache();
    const { computation, compute } = pending();
    void cache.computeOnce('a', compute);
    void cache.computeOnce('b', compute);
    expect(computation.started).toBe(2);
  });

  it('fails every request waiting for a failed answer, keeps nothing, and computes again for the next', async () => {
    const cache = new ResponseCache();
    const { computation, compute } = pending();
    const waiting = [cache.computeOnce('k', compute), cache.computeOnce('k', compute)];
    computation.fail(new Error('render thread stopped'));
    for (const each of waiting) await expect(each).rejects.toThrow('render thread stopped');
    expect(cache.get('k')).toBeUndefined();
    void cache.computeOnce('k', compute);
    expect(computation.started).toBe(2);
  });
});
