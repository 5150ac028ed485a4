import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/index.ts';
import { pdfText } from '../parse-files.ts';
import { ADA, BILLING_API, dataset, paths, postTo, WEEK, withChange } from './fixtures.ts';

/* PDFs whose names Helvetica, the standard PDF font, cannot show: written in DejaVu Sans, embedded. */

const beyondLatin1 = {
  ...dataset,
  users: withChange(dataset.users, ADA, { fullname: 'Łukasz Żółć' }),
  projects: withChange(dataset.projects, BILLING_API, { name: 'Ωmega проект' }),
};

let threaded: MockServer;
let inline: MockServer;
beforeAll(async () => {
  [threaded, inline] = await Promise.all([
    startMockServer({ port: 0, data: beyondLatin1 }),
    startMockServer({ port: 0, data: beyondLatin1, renderThreads: 0 }),
  ]);
});
afterAll(async () => {
  await Promise.all([threaded.close(), inline.close()]);
});

describe('PDFs with letters beyond Latin-1', () => {
  it.each([
    ['detailed', paths.detailed(undefined, 'pdf'), {}],
    ['summary', paths.summary(undefined, 'pdf'), { grouping: 'users', sub_grouping: 'projects' }],
    ['weekly', paths.weekly(undefined, 'pdf'), {}],
  ])('show them as the CSV has them: the %s report', async (_report, path, body) => {
    const answer = await postTo(threaded.url, path, { body: { ...WEEK, ...body } });
    expect(answer.status).toBe(200);
    const { text } = await pdfText(answer.bytes);
    expect(text).toContain('Łukasz Żółć');
    expect(text).toContain('Ωmega проект');
    expect(answer.bytes.toString('latin1')).toContain('+DejaVuSans');
  });

  it('are the same bytes from a render thread and from the server’s own thread, request after request', async () => {
    const path = paths.detailed(undefined, 'pdf');
    const [first, fromServer] = await Promise.all([postTo(threaded.url, path, { body: WEEK }), postTo(inline.url, path, { body: WEEK })]);
    expect(first.bytes.equals(fromServer.bytes)).toBe(true);
    const again = await postTo(threaded.url, path, { body: { ...WEEK, order_by: 'date' } });
    expect(again.bytes.equals(first.bytes)).toBe(true);
  });
});
