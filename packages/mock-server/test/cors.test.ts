import { describe, expect, it } from 'vitest';
import { csvPath, exportCsv, ownServer } from './own-server.ts';

const app = 'http://localhost:5173';

/** The CORS headers of an answer, by name. */
const corsOf = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

const preflight = (url: string, path: string, origin: string, method = 'POST') =>
  fetch(`${url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, prefer' },
  });

describe('CORS, by default for any origin', () => {
  it('answers a preflight with 204, the methods, headers and how long to keep them', async () => {
    const { url } = await ownServer();
    const answer = await preflight(url, csvPath(), app);
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
    expect(corsOf(answer)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, Prefer',
      'access-control-max-age': '600',
    });
    // The control endpoints too: a test page resets the journal with DELETE, which needs a preflight.
    expect((await preflight(url, '/__mock/requests', app, 'DELETE')).status).toBe(204);
  });

  it('lets a browser read every answer, errors included, and the headers a client needs', async () => {
    const { url } = await ownServer();
    const file = await exportCsv(url, { headers: { origin: app } });
    expect(file.status).toBe(200);
    expect(corsOf(file)).toEqual({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Content-Disposition' });

    // An answer with none of the headers to expose names none.
    const unauthorized = await exportCsv(url, { authorization: null, headers: { origin: app } });
    expect(unauthorized.status).toBe(401);
    expect(corsOf(unauthorized)).toEqual({ 'access-control-allow-origin': '*' });

    const notFound = await fetch(`${url}/reports/api/v3/nowhere`, { method: 'POST', headers: { origin: app } });
    expect(notFound.status).toBe(404);
    expect(corsOf(notFound)['access-control-allow-origin']).toBe('*');

    const control = await fetch(`${url}/__mock/requests`, { headers: { origin: app } });
    expect(control.status).toBe(200);
    expect(corsOf(control)['access-control-allow-origin']).toBe('*');
  });

  it('exposes the quota headers and Retry-After on the answers that have them', async () => {
    const quota = await ownServer({ quota: 1 });
    const counted = await exportCsv(quota.url, { headers: { origin: app } });
    expect(counted.headers.get('x-toggl-quota-remaining')).toBe('0');
    expect(corsOf(counted)['access-control-expose-headers']).toBe('Content-Disposition, X-Toggl-Quota-Remaining, X-Toggl-Quota-Resets-In');
    const exhausted = await exportCsv(quota.url, { headers: { origin: app } });
    expect(exhausted.status).toBe(402);
    expect(corsOf(exhausted)['access-control-expose-headers']).toBe('X-Toggl-Quota-Remaining, X-Toggl-Quota-Resets-In');

    const paced = await ownServer({ rateLimit: true });
    await exportCsv(paced.url, { headers: { origin: app } });
    const refused = await exportCsv(paced.url, { headers: { origin: app } });
    expect(refused.status).toBe(429);
    expect(corsOf(refused)).toEqual({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After' });
  });

  it('treats an OPTIONS without Access-Control-Request-Method as no preflight', async () => {
    const { url } = await ownServer();
    const answer = await fetch(`${url}${csvPath()}`, { method: 'OPTIONS', headers: { origin: app } });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('access-control-max-age')).toBeNull();
  });
});

describe('CORS for a list of origins', () => {
  it('names a listed origin back, and says the answer varies by Origin', async () => {
    const { url } = await ownServer({ corsOrigins: [app, 'https://reports.example'] });
    for (const origin of [app, 'https://reports.example']) {
      const file = await exportCsv(url, { headers: { origin } });
      expect(corsOf(file)).toEqual({
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'Content-Disposition',
        vary: 'Origin',
      });
      const answer = await preflight(url, csvPath(), origin);
      expect(answer.status).toBe(204);
      expect(corsOf(answer)).toMatchObject({ 'access-control-allow-origin': origin, vary: 'Origin' });
    }
  });

  it('allows no other origin, and none for a request without Origin', async () => {
    const { url } = await ownServer({ corsOrigins: [app] });
    const other = await exportCsv(url, { headers: { origin: 'http://localhost:3000' } });
    expect(other.status).toBe(200); // the server answers; the browser hides it from the page
    expect(corsOf(other)).toEqual({ vary: 'Origin' });
    const answer = await preflight(url, csvPath(), 'http://localhost:3000');
    expect(answer.status).toBe(204);
    expect(corsOf(answer)).toEqual({ vary: 'Origin' });
    expect(corsOf(await exportCsv(url))).toEqual({ vary: 'Origin' });
  });
});

describe('CORS turned off', () => {
  it('sends no CORS headers, and leaves OPTIONS to the API, which refuses it', async () => {
    const { url } = await ownServer({ corsOrigins: false });
    expect(corsOf(await exportCsv(url, { headers: { origin: app } }))).toEqual({});
    const answer = await preflight(url, csvPath(), app);
    expect(answer.status).toBe(405);
    expect(corsOf(answer)).toEqual({});
  });
});
