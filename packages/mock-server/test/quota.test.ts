import { describe, expect, it } from 'vitest';
import { QuotaCounter } from '../src/limits.ts';
import { basicAuth } from './http.ts';
import { exportCsv, ownServer, sleep } from './own-server.ts';

/** Status, `X-Toggl-Quota-Remaining` and `X-Toggl-Quota-Resets-In` (a number) of an answer. */
const quotaOf = (response: Response) => {
  const resetsIn = response.headers.get('x-toggl-quota-resets-in');
  return [response.status, response.headers.get('x-toggl-quota-remaining'), resetsIn === null ? null : Number(resetsIn)];
};
// The window's count is kept in slots of a 3600th of it: a second of an hour.
const anHour = expect.toSatisfy((seconds: number) => seconds === 3599 || seconds === 3600, 'an hour, give or take a slot');

const grace = basicAuth('grace@example.com', 'secret');

describe('the quota', () => {
  it('counts requests, says what is left on each answer, and answers 402 past the limit, counting refusals too', async () => {
    const mock = await ownServer({ quota: 3 });
    const answers = [];
    for (let count = 0; count < 5; count++) answers.push(await exportCsv(mock.url));
    expect(answers.map(quotaOf)).toEqual([
      [200, '2', anHour],
      [200, '1', anHour],
      [200, '0', anHour],
      [402, '0', anHour],
      [402, '0', anHour],
    ]);
    expect(answers[3]?.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await answers[3]?.json()).toBe("Quota exceeded: You've used 4 / 3 requests from user specific requests quota");
    expect(await answers[4]?.json()).toBe("Quota exceeded: You've used 5 / 3 requests from user specific requests quota");
  });

  it('counts any answer to an export, its errors too, and only requests with usable credentials', async () => {
    const mock = await ownServer({ quota: 2 });
    const invalid = await fetch(`${mock.url}/reports/api/v3/workspace/1234567/search/time_entries.csv`, {
      method: 'POST',
      headers: { authorization: basicAuth('ada@example.com', 'secret'), 'content-type': 'application/json' },
      body: '{"start_date": "yesterday"}',
    });
    expect(quotaOf(invalid)).toEqual([400, '1', anHour]);
    // Neither signed in nor an export: not counted, and no quota headers.
    for (const authorization of [null, 'Bearer abc', basicAuth('', 'secret')])
      expect(quotaOf(await exportCsv(mock.url, { authorization }))).toEqual([401, null, null]);
    expect(quotaOf(await exportCsv(mock.url, { path: '/reports/api/v3/nowhere' }))).toEqual([404, null, null]);
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, '0', anHour]);
  });

  it('keeps a count per user and per workspace', async () => {
    const mock = await ownServer({ quota: 1 });
    expect(quotaOf(await exportCsv(mock.url, { workspaceId: 1 }))).toEqual([200, '0', anHour]);
    expect((await exportCsv(mock.url, { workspaceId: 1 })).status).toBe(402);
    expect(quotaOf(await exportCsv(mock.url, { workspaceId: 2 }))).toEqual([200, '0', anHour]);
    expect(quotaOf(await exportCsv(mock.url, { workspaceId: 1, authorization: grace }))).toEqual([200, '0', anHour]);
    // The user is the email or API token, whatever the password.
    expect((await exportCsv(mock.url, { workspaceId: 2, authorization: basicAuth('ada@example.com', 'other') })).status).toBe(402);
  });

  it('refuses a workspace ID written some other way (016, 1.6e1) rather than count it apart', async () => {
    const mock = await ownServer({ quota: 1 });
    const path = (id: string) => `/reports/api/v3/workspace/${id}/search/time_entries.csv`;
    expect(quotaOf(await exportCsv(mock.url, { path: path('16') }))).toEqual([200, '0', anHour]);
    for (const id of ['016', '1.6e1', '16.0', '0x10', '+16'])
      expect(quotaOf(await exportCsv(mock.url, { path: path(id) })), id).toEqual([400, null, null]);
    expect((await exportCsv(mock.url, { path: path('16') })).status).toBe(402);
  });

  it("counts a saved report's requests against its report's workspace", async () => {
    const mock = await ownServer({
      quota: 1,
      data: {
        workspaces: [{ id: 42, name: 'Acme' }],
        users: [{ id: 7, fullname: 'Ada', email: 'ada@acme.example' }],
        saved_reports: [{ token: 'weekly42', workspace_id: 42, report: 'weekly', public: true }],
      },
    });
    expect(quotaOf(await exportCsv(mock.url, { path: '/reports/api/v3/shared/weekly42.csv' }))).toEqual([200, '0', anHour]);
    expect((await exportCsv(mock.url, { workspaceId: 42 })).status).toBe(402);
    // Without credentials, a public saved report answers, and is not counted.
    expect(quotaOf(await exportCsv(mock.url, { path: '/reports/api/v3/shared/weekly42.csv', authorization: null }))).toEqual([
      200,
      null,
      null,
    ]);
  });

  it('frees the oldest requests as the window slides past them', async () => {
    const mock = await ownServer({ quota: { limit: 2, windowSeconds: 1 } });
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, '1', 1]);
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, '0', 1]);
    expect(quotaOf(await exportCsv(mock.url))).toEqual([402, '0', 1]);
    await sleep(1100);
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, '1', 1]);
  });

  it('starts again with resetLimits, in process and with DELETE /__mock/limits', async () => {
    const mock = await ownServer({ quota: 1 });
    await exportCsv(mock.url);
    expect((await exportCsv(mock.url)).status).toBe(402);
    mock.resetLimits();
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, '0', anHour]);
    expect((await exportCsv(mock.url)).status).toBe(402);
    expect((await fetch(`${mock.url}/__mock/limits`, { method: 'DELETE' })).status).toBe(204);
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, '0', anHour]);
  });

  it.each([
    ['free', '29'],
    ['starter', '239'],
    ['premium', '599'],
  ] as const)("takes Toggl's %s plan", async (quota, remaining) => {
    const mock = await ownServer({ quota });
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, remaining, anHour]);
  });

  it('is off by default', async () => {
    const mock = await ownServer();
    expect(quotaOf(await exportCsv(mock.url))).toEqual([200, null, null]);
  });
});

describe('QuotaCounter', () => {
  // The window's arithmetic with a clock of the test's own: the times no HTTP test can hit exactly.
  const start = 1_000_000_000_000;

  it('slides: a request leaves the window one window after it came', () => {
    const quota = new QuotaCounter({ limit: 2, windowSeconds: 60 });
    expect(quota.count('ada', start)).toMatchObject({ allowed: true, used: 1, remaining: 1, resetsInSeconds: 60 });
    expect(quota.count('ada', start + 30_000)).toMatchObject({ allowed: true, used: 2, remaining: 0, resetsInSeconds: 30 });
    // One too many: both counted requests must leave before another is allowed, the second at +90 s.
    expect(quota.count('ada', start + 59_000)).toMatchObject({ allowed: false, used: 3, resetsInSeconds: 31 });
    // The first has left; the second and the refused third are in, and this one is refused too.
    expect(quota.count('ada', start + 60_000)).toMatchObject({ allowed: false, used: 3, resetsInSeconds: 59 });
    // The second has left as well, but the refused requests fill the quota: refusals count.
    expect(quota.count('ada', start + 90_000)).toMatchObject({ allowed: false, used: 3, resetsInSeconds: 30 });
    expect(quota.count('ada', start + 200_000)).toMatchObject({ allowed: true, used: 1 });
  });

  it('keeps keys apart and forgets all on reset', () => {
    const quota = new QuotaCounter({ limit: 1 });
    expect(quota.count('ada 1', start).allowed).toBe(true);
    expect(quota.count('ada 1', start).allowed).toBe(false);
    expect(quota.count('ada 2', start).allowed).toBe(true);
    quota.reset();
    expect(quota.count('ada 1', start)).toMatchObject({ allowed: true, used: 1, resetsInSeconds: 3600 });
  });
});
