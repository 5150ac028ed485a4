import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/limits.ts';
import { basicAuth } from './http.ts';
import { exportCsv, ownServer, sleep } from './own-server.ts';

const grace = basicAuth('grace@example.com', 'secret');

describe('the rate limit', () => {
  it("answers a second request within the second with Toggl's 429 and Retry-After, and the next one after it", async () => {
    const mock = await ownServer({ rateLimit: true });
    expect((await exportCsv(mock.url)).status).toBe(200);
    const refused = await exportCsv(mock.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await refused.json()).toBe('Too Many Requests');
    await sleep(1000);
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it('lets a burst through, then keeps the pace', async () => {
    const mock = await ownServer({ rateLimit: { perSecond: 2, burst: 3 } });
    const statuses = [];
    for (let count = 0; count < 4; count++) statuses.push((await exportCsv(mock.url)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    await sleep(550); // a token every 500 ms
    expect((await exportCsv(mock.url)).status).toBe(200);
    const refused = await exportCsv(mock.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1'); // whole seconds, at least one
  });

  it('paces each user on their own, and not requests without credentials', async () => {
    const mock = await ownServer({ rateLimit: true });
    expect((await exportCsv(mock.url)).status).toBe(200);
    expect((await exportCsv(mock.url, { authorization: grace })).status).toBe(200);
    // The pace is per user, across workspaces.
    expect((await exportCsv(mock.url, { workspaceId: 99 })).status).toBe(429);
    for (let count = 0; count < 3; count++) expect((await exportCsv(mock.url, { authorization: null })).status).toBe(401);
  });

  it('comes before the quota, and a request it refuses is not counted in the quota', async () => {
    const mock = await ownServer({ rateLimit: { perSecond: 4, burst: 1 }, quota: 2 });
    const first = await exportCsv(mock.url);
    expect([first.status, first.headers.get('x-toggl-quota-remaining')]).toEqual([200, '1']);
    const refused = await exportCsv(mock.url);
    expect([refused.status, refused.headers.get('x-toggl-quota-remaining')]).toEqual([429, null]);
    await sleep(300); // a token every 250 ms
    const second = await exportCsv(mock.url);
    expect([second.status, second.headers.get('x-toggl-quota-remaining')]).toEqual([200, '0']);
    // Past the quota and too fast: the pace is checked first.
    expect((await exportCsv(mock.url)).status).toBe(429);
    await sleep(300); // a token every 250 ms
    expect((await exportCsv(mock.url)).status).toBe(402);
  });

  it('starts again with resetLimits, in process and over HTTP', async () => {
    const mock = await ownServer({ rateLimit: true });
    await exportCsv(mock.url);
    expect((await exportCsv(mock.url)).status).toBe(429);
    mock.resetLimits();
    expect((await exportCsv(mock.url)).status).toBe(200);
    expect((await exportCsv(mock.url)).status).toBe(429);
    await fetch(`${mock.url}/__mock/limits`, { method: 'DELETE' });
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it('is off by default', async () => {
    const mock = await ownServer();
    const statuses = [];
    for (let count = 0; count < 3; count++) statuses.push((await exportCsv(mock.url)).status);
    expect(statuses).toEqual([200, 200, 200]);
  });
});

describe('RateLimiter', () => {
  const start = 1_000_000_000_000;

  it('refills at the pace and says when the next token comes, in whole seconds', () => {
    const limiter = new RateLimiter({ perSecond: 0.25, burst: 2 });
    expect(limiter.take('ada', start)).toBeUndefined();
    expect(limiter.take('ada', start)).toBeUndefined();
    expect(limiter.take('ada', start)).toBe(4);
    expect(limiter.take('ada', start + 1500)).toBe(3); // 2.5 s left, rounded up
    expect(limiter.take('ada', start + 4000)).toBeUndefined();
    // Never more than the burst, however long the wait.
    expect(limiter.take('ada', start + 100_000)).toBeUndefined();
    expect(limiter.take('ada', start + 100_000)).toBeUndefined();
    expect(limiter.take('ada', start + 100_000)).toBe(4);
  });
});
