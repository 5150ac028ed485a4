import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterBody, listenAndAnnounce } from './listen.ts';

/*
 * The floor for the mock's speed: bare node:http answering every request with the bytes and
 * headers the mock sends for the detailed report as CSV, without looking at the request.
 */

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('@toggl-exports/mock-server/package.json');
const generated = path.join(path.dirname(manifestPath), 'generated');
const { fixtures } = JSON.parse(readFileSync(path.join(generated, 'fixtures.json'), 'utf8')) as {
  fixtures: { operationId: string; mediaType: string; filename: string; file: string }[];
};
const sample = fixtures.find((entry) => entry.operationId === 'exportDetailedReport' && entry.mediaType === 'text/csv')!;
const bytes = readFileSync(path.join(generated, sample.file));
const headers = {
  'Content-Type': sample.mediaType,
  'Content-Disposition': `attachment; filename="${sample.filename}"`,
  'Content-Length': String(bytes.length),
};

listenAndAnnounce(createServer((request, response) => afterBody(request, () => response.writeHead(200, headers).end(bytes))));
