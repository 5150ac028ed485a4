// The Prism CLI serving the packed spec with its defaults (`prism mock openapi.yaml`), asked every
// operation × format with the spec's example parameters and body: as is, and with an `Accept`
// header naming the format, which `.{extension}` paths need.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { type ExportCase, formatOfMediaType } from '@toggl-exports/spec-reader';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe } from 'vitest';
import { basicAuth, casesOf, checksOf, ordinaryBody, problems, readSpec, specYaml } from './support.ts';

const require = createRequire(import.meta.url);
const prismManifest = require.resolve('@stoplight/prism-cli/package.json');
const prismBin = path.join(
  path.dirname(prismManifest),
  (JSON.parse(readFileSync(prismManifest, 'utf8')) as { bin: { prism: string } }).bin.prism,
);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

let prism: ChildProcess;
let base: string;
let cases: ExportCase[];

beforeAll(async () => {
  cases = casesOf(await readSpec());
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  prism = spawn(process.execPath, [prismBin, 'mock', specYaml(), '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) resolve();
    };
    prism.stdout?.on('data', onData);
    prism.stderr?.on('data', onData);
    prism.on('exit', (code) => reject(new Error(`Prism exited with ${code} before listening:\n${output}`)));
  });
});

afterAll(() => {
  prism?.kill();
});

const post = (exportCase: ExportCase, body: unknown, { authorized = true, accept = false } = {}) =>
  fetch(`${base}${exportCase.path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(authorized ? { Authorization: basicAuth } : {}),
      ...(accept ? { Accept: exportCase.mediaType } : {}),
    },
    body: JSON.stringify(body),
  });

const mediaTypeOf = (response: Response) => response.headers.get('content-type')?.split(';')[0]?.trim();

/** What is wrong with `bytes` as a file of `mediaType`; undefined for a CSV, workbook or PDF with a header row and data (a PDF: its frame). */
async function fileProblem(mediaType: string | undefined, bytes: Uint8Array): Promise<string | undefined> {
  const format = mediaType === undefined ? undefined : formatOfMediaType(mediaType);
  try {
    switch (format) {
      case 'csv': {
        const rows: string[][] = parse(Buffer.from(bytes), { bom: true });
        return rows.length >= 2 && rows[0]!.length >= 2 ? undefined : `a CSV of ${rows.length} row(s)`;
      }
      case 'xlsx': {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        const rows = workbook.worksheets[0]?.actualRowCount ?? 0;
        return rows >= 2 ? undefined : `a workbook of ${rows} row(s)`;
      }
      case 'pdf': {
        const text = Buffer.from(bytes).toString('latin1');
        return text.startsWith('%PDF-') && text.trimEnd().endsWith('%%EOF') ? undefined : 'not a PDF';
      }
      default:
        return `sent as ${mediaType}, which is not a file format of the spec`;
    }
  } catch (error) {
    return `unreadable as ${format}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
const fileNameOf = (response: Response) => /filename="([^"]*)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];

/** The Prism checks, each request sent with an `Accept` header naming the path's format when `accept` is set. */
function prismChecks(tool: 'prism-cli' | 'prism-cli-accept', accept: boolean): void {
  checksOf(tool, {
    'media-type': async () => {
      const list: string[] = [];
      for (const exportCase of cases) {
        const response = await post(exportCase, exportCase.body ?? {}, { accept });
        await response.arrayBuffer();
        if (response.status !== 200 || mediaTypeOf(response) !== exportCase.mediaType)
          list.push(`POST ${exportCase.path}: ${response.status} ${mediaTypeOf(response)}, expected 200 ${exportCase.mediaType}`);
      }
      return problems(list);
    },
    'file-body': async () => {
      const list: string[] = [];
      for (const exportCase of cases) {
        const response = await post(exportCase, exportCase.body ?? {}, { accept });
        const problem = await fileProblem(mediaTypeOf(response), new Uint8Array(await response.arrayBuffer()));
        if (problem) list.push(`POST ${exportCase.path}: ${problem}`);
      }
      return problems(list);
    },
    'file-name': async () => {
      const list: string[] = [];
      for (const exportCase of cases) {
        const response = await post(exportCase, exportCase.body ?? {}, { accept });
        await response.arrayBuffer();
        const name = fileNameOf(response);
        if (!name?.endsWith(`.${exportCase.format}`))
          list.push(`POST ${exportCase.path} (${exportCase.format}): the file is named ${name}`);
      }
      return problems(list);
    },
    unauthorized: async () => {
      const list: string[] = [];
      for (const exportCase of cases.filter(({ authOptional }) => !authOptional)) {
        const response = await post(exportCase, exportCase.body ?? {}, { authorized: false, accept });
        await response.arrayBuffer();
        if (response.status !== 401) list.push(`POST ${exportCase.path} without credentials: ${response.status}`);
      }
      return problems(list);
    },
    'unknown-field': async () => {
      const list: string[] = [];
      // Saved reports take any object (additionalProperties: true): only the others have unknown fields.
      for (const exportCase of cases.filter(({ authOptional }) => !authOptional)) {
        const response = await post(exportCase, { ...ordinaryBody(exportCase), bogus: 1 }, { accept });
        await response.arrayBuffer();
        if (response.status !== 400) list.push(`POST ${exportCase.path} with {"bogus":1}: ${response.status}`);
      }
      return problems(list);
    },
  });
}

describe('Prism CLI', () => prismChecks('prism-cli', false));
describe('Prism CLI, with an Accept header naming the format', () => prismChecks('prism-cli-accept', true));
