// The Prism CLI serving the packed spec with its defaults (`prism mock openapi.yaml`), asked every
// operation × format with the spec's example parameters and body.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import type { ExportCase } from '@toggl-exports/spec-reader';
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

const post = (exportCase: ExportCase, body: unknown, authorized = true) =>
  fetch(`${base}${exportCase.path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authorized ? { Authorization: basicAuth } : {}) },
    body: JSON.stringify(body),
  });

const mediaTypeOf = (response: Response) => response.headers.get('content-type')?.split(';')[0]?.trim();

describe('Prism CLI', () => {
  checksOf('prism-cli', {
    'media-type': async () => {
      const list: string[] = [];
      for (const exportCase of cases) {
        const response = await post(exportCase, exportCase.body ?? {});
        await response.arrayBuffer();
        if (response.status !== 200 || mediaTypeOf(response) !== exportCase.mediaType)
          list.push(`POST ${exportCase.path}: ${response.status} ${mediaTypeOf(response)}, expected 200 ${exportCase.mediaType}`);
      }
      return problems(list);
    },
    'file-body': async () => {
      const list: string[] = [];
      for (const exportCase of cases) {
        const text = await (await post(exportCase, exportCase.body ?? {})).text();
        if (text === '' || text === 'string' || text === '"string"')
          list.push(`POST ${exportCase.path}: the body is ${JSON.stringify(text)}`);
      }
      return problems(list);
    },
    unauthorized: async () => {
      const list: string[] = [];
      for (const exportCase of cases.filter(({ authOptional }) => !authOptional)) {
        const response = await post(exportCase, exportCase.body ?? {}, false);
        await response.arrayBuffer();
        if (response.status !== 401) list.push(`POST ${exportCase.path} without credentials: ${response.status}`);
      }
      return problems(list);
    },
    'unknown-field': async () => {
      const list: string[] = [];
      // Saved reports take any object (additionalProperties: true): only the others have unknown fields.
      for (const exportCase of cases.filter(({ authOptional }) => !authOptional)) {
        const response = await post(exportCase, { ...ordinaryBody(exportCase), bogus: 1 });
        await response.arrayBuffer();
        if (response.status !== 400) list.push(`POST ${exportCase.path} with {"bogus":1}: ${response.status}`);
      }
      return problems(list);
    },
  });
});
