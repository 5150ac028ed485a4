/*
 * Every code sample of the docs, run against the mock server: the cURL ones with sh and curl, the
 * Python ones with python3 and requests, the TypeScript ones type-checked (strict) and compiled
 * with tsc, then run with node against the workspace's @toggl-exports/client. Each sample is the
 * docs' own text with only the spec's server URL swapped for the mock's; the mock's journal shows
 * what it sent, and the file it saved must be the file the mock answers that request with.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { bundledSpec } from '@toggl-exports/spec-reader/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSamples, type SampleRequest, sampleRequests, sampleServerUrl } from '../src/code-samples.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const spec = bundledSpec();
const serverUrl = sampleServerUrl(spec);
const requests = sampleRequests(spec);
const token = 'sample-api-token-0123456789abcdef';

/** Why a language's samples cannot run here, or undefined when they can. */
function missing(command: string, args: string[], what: string): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return `${command} is not installed`;
  return result.status === 0 ? undefined : what;
}
const curlMissing = missing('curl', ['--version'], 'curl does not run');
const pythonMissing =
  missing('python3', ['--version'], 'python3 does not run') ??
  missing('python3', ['-c', 'import requests'], 'the Python module requests is not installed (apt-get install python3-requests)');

/** The sample of `label` for `request`, as the docs show it but sent to the mock. */
function sampleFor(request: SampleRequest, label: string, mockUrl: string): string {
  const sample = codeSamples(request).find((candidate) => candidate.label === label);
  if (!sample) throw new Error(`${request.operationId} has no ${label} sample`);
  return sample.source.replaceAll(serverUrl, mockUrl);
}

let mock: MockServer;
let dir: string;
/** What the mock answers each sample's request with, by operationId: the bytes the saved file must hold. */
const expected = new Map<string, Buffer>();

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  dir = await mkdtemp(path.join(tmpdir(), 'toggl-exports-samples-'));
  await Promise.all(
    requests.map(async (request) => {
      const response = await fetch(request.url.replace(serverUrl, mock.url), {
        method: 'POST',
        headers: {
          // Told apart from the TypeScript samples' requests in the journal.
          'user-agent': 'code-samples-test',
          authorization: `Basic ${Buffer.from(`${token}:api_token`).toString('base64')}`,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      if (response.status !== 200) throw new Error(`${request.operationId}: the mock answered ${response.status}`);
      expected.set(request.operationId, Buffer.from(await response.arrayBuffer()));
    }),
  );
});

afterAll(async () => {
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Checks what one sample sent (from the mock's journal) and the file it saved. */
async function checkRun(request: SampleRequest, userAgent: RegExp, cwd: string, output: string) {
  const urlPath = new URL(request.url).pathname;
  const sent = mock.requests({ method: 'POST', path: urlPath }).filter((entry) => userAgent.test(entry.headers['user-agent'] ?? ''));
  expect(sent, `${request.operationId}: requests to ${urlPath}\n${output}`).toHaveLength(1);
  const [entry] = sent;
  expect(entry).toMatchObject({ status: 200, credentials: 'api_token' });
  expect(entry!.body).toEqual(request.body);
  if (request.body !== undefined) expect(entry!.headers['content-type']).toMatch(/^application\/json\b/);

  const file = await readFile(path.join(cwd, request.fileName));
  const starts = (text: string) => file.subarray(0, text.length).toString('latin1') === text;
  const looksRight = {
    csv: !file.includes(0) && /^(\uFEFF)?"?[A-Za-z]/.test(file.toString('utf8')),
    xlsx: starts('PK\x03\x04'),
    pdf: starts('%PDF-'),
  };
  expect(looksRight[request.format], `${request.fileName} of ${request.operationId} looks like ${request.format}`).toBe(true);
  expect(file.equals(expected.get(request.operationId)!), `${request.fileName} is the file the mock answers with`).toBe(true);
}

/** A fresh folder for one sample to run in and save its file to. */
async function workDir(language: string, request: SampleRequest): Promise<string> {
  const cwd = path.join(dir, language, request.operationId);
  await mkdir(cwd, { recursive: true });
  return cwd;
}

const env = { ...process.env, TOGGL_API_TOKEN: token };

describe.skipIf(curlMissing !== undefined)(`cURL samples${curlMissing ? ` (skipped: ${curlMissing})` : ''}`, () => {
  it.concurrent.each(requests.map((request) => [request.operationId, request] as const))('%s', async (_, request) => {
    const cwd = await workDir('curl', request);
    const source = sampleFor(request, 'cURL', mock.url);
    const { stdout, stderr } = await run('sh', ['-c', source], { cwd, env });
    await checkRun(request, /^curl\//, cwd, `${source}\n${stdout}${stderr}`);
  });
});

describe.skipIf(pythonMissing !== undefined)(`Python samples${pythonMissing ? ` (skipped: ${pythonMissing})` : ''}`, () => {
  it.concurrent.each(requests.map((request) => [request.operationId, request] as const))('%s', async (_, request) => {
    const cwd = await workDir('python', request);
    const source = sampleFor(request, 'Python', mock.url);
    await writeFile(path.join(cwd, 'sample.py'), source);
    const { stdout, stderr } = await run('python3', ['sample.py'], { cwd, env });
    await checkRun(request, /^python-requests\//, cwd, `${source}\n${stdout}${stderr}`);
  });
});

describe('TypeScript samples', () => {
  let project: string;

  /** Resolves a package as the scripts package sees it (the workspace's client, its @types/node). */
  const packageDir = async (name: string) => realpath(path.dirname(require.resolve(`${name}/package.json`)));

  beforeAll(async () => {
    project = path.join(dir, 'typescript');
    await mkdir(path.join(project, 'node_modules/@toggl-exports'), { recursive: true });
    await mkdir(path.join(project, 'node_modules/@types'), { recursive: true });
    await symlink(await packageDir('@toggl-exports/client'), path.join(project, 'node_modules/@toggl-exports/client'), 'dir');
    await symlink(await packageDir('@types/node'), path.join(project, 'node_modules/@types/node'), 'dir');
    await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ private: true, type: 'module' })}\n`);
    await writeFile(
      path.join(project, 'tsconfig.json'),
      `${JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          verbatimModuleSyntax: true,
          skipLibCheck: true,
          noEmitOnError: true,
          types: ['node'],
        },
        include: ['*/sample.ts'],
      })}\n`,
    );
    await Promise.all(
      requests.map(async (request) => {
        await mkdir(path.join(project, request.operationId));
        await writeFile(path.join(project, request.operationId, 'sample.ts'), sampleFor(request, 'TypeScript', mock.url));
      }),
    );
  });

  it('type-check under strict settings and compile, all of them at once', async () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '--project', project, '--pretty', 'false'], { cwd: project }).catch(
      (error: { stdout?: string; stderr?: string }) => error,
    );
    expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
  }, 120_000);

  it.concurrent.each(requests.map((request) => [request.operationId, request] as const))('%s runs', async (_, request) => {
    const cwd = path.join(project, request.operationId);
    const { stdout, stderr } = await run(process.execPath, ['sample.js'], { cwd, env });
    await checkRun(request, /^(node|undici)/, cwd, `${await readFile(path.join(cwd, 'sample.ts'), 'utf8')}\n${stdout}${stderr}`);
  });
});
