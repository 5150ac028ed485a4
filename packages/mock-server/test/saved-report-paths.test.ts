// Saved reports answer at the documented paths (`.csv`, `.xlsx`, `/pdf`) and at the slash forms of
// Toggl's own 2026 Swagger (`/csv`, `/xlsx`, `/pdf`), with the same file (spec/DEVIATIONS.md #40).
import { describe, expect, it } from 'vitest';
import { connectMockServer } from '../src/control-client.ts';
import { specPathOf } from '../src/saved-report-paths.ts';
import { mockUrl, post } from './http.ts';

const shared = '/reports/api/v3/shared/sHaReDtOkEn';
const body = { start_date: '2026-10-01', end_date: '2026-10-31' };

describe('saved-report paths', () => {
  it.each(['csv', 'xlsx'])('answers the slash form /%s as the documented path, with the same file, type and name', async (format) => {
    const documented = await post(`${shared}.${format}`, { body });
    const slash = await post(`${shared}/${format}`, { body });
    expect(documented.status).toBe(200);
    expect(slash.status).toBe(200);
    expect(slash.headers.get('content-type')).toBe(documented.headers.get('content-type'));
    expect(slash.headers.get('content-disposition')).toBe(documented.headers.get('content-disposition'));
    expect(slash.bytes.equals(documented.bytes)).toBe(true);
  });

  it('answers /pdf, the form both have, and no other slash form', async () => {
    expect((await post(`${shared}/pdf`, { body })).headers.get('content-type')).toBe('application/pdf');
    expect((await post(`${shared}/json`, { body })).status).toBe(404);
    expect((await post(`${shared}.pdf`, { body })).status).toBe(404);
  });

  it('checks a slash-form request as the documented one: a body that is not an object gets the same 400', async () => {
    const documented = await post(`${shared}.csv`, { body: '[1]' });
    const slash = await post(`${shared}/csv`, { body: '[1]' });
    expect(slash.status).toBe(400);
    expect(slash.json()).toBe(documented.json());
  });

  it('keeps the path as sent in the journal', async () => {
    await post(`${shared}/xlsx?marker=journal`, { body });
    const requests = await connectMockServer(mockUrl).requests({ path: `${shared}/*` });
    expect(requests.filter((request) => request.query['marker'] === 'journal').map((request) => request.path)).toEqual([`${shared}/xlsx`]);
  });

  it('rewrites only the slash forms of saved reports', () => {
    expect(specPathOf(`${shared}/csv`)).toBe(`${shared}.csv`);
    expect(specPathOf(`${shared}/xlsx`)).toBe(`${shared}.xlsx`);
    expect(specPathOf(`${shared}/pdf`)).toBe(`${shared}/pdf`);
    expect(specPathOf('/reports/api/v3/workspace/1/search/time_entries/csv')).toBe('/reports/api/v3/workspace/1/search/time_entries/csv');
    expect(specPathOf('/reports/api/v3/shared/a/b/csv')).toBe('/reports/api/v3/shared/a/b/csv');
  });
});
