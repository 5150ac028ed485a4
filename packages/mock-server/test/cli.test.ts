import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, post } from './http.ts';
import { byOperation, xlsx } from './spec.ts';

/** The CLI as published: the built `dist/cli.js` (turbo builds it before this package's tests). */
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const runCli = promisify(execFile);

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

const running: Running[] = [];

async function startCli(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /mock server: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    exit.then((code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
  const started = { child, url, output: () => output, exit };
  running.push(started);
  return started;
}

afterEach(() => {
  for (const { child } of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `pnpm build` (turbo runs it before these tests)');
});

const detailedXlsx = byOperation('exportDetailedReport', xlsx);
const password = 'do-not-log-me';
const download = (url: string) =>
  fetch(`${url}${detailedXlsx.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basicAuth('ada@example.com', password) },
    body: JSON.stringify({ start_date: '2026-10-01' }),
  });
/** The file the test run's own server computes for the same request: the CLI must send the same bytes. */
const sameFromTestServer = async () => (await post(detailedXlsx.path, { body: { start_date: '2026-10-01' } })).bytes;

describe('toggl-exports-mock CLI', () => {
  it('prints help', async () => {
    const { stdout } = await runCli(process.execPath, [cli, '--help']);
    expect(stdout).toMatch(/^Usage: toggl-exports-mock \[--port 4010\] \[--host 127\.0\.0\.1\]/);
  });

  it.each(['abc', '70000', '-1', '80.5', ''])('refuses --port=%s with a clear error', async (port) => {
    const failure = await runCli(process.execPath, [cli, `--port=${port}`]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(`invalid --port '${port}': expected a whole number from 0 to 65535`);
  });

  it('refuses unknown options', async () => {
    const failure = await runCli(process.execPath, [cli, '--prot', '4010']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain("Unknown option '--prot'");
  });

  it.each([
    [['--quota', '0'], "invalid --quota '0': expected a whole number from 1 to 1000000"],
    [['--quota', 'gold'], "invalid --quota 'gold': expected a number of requests or a plan (free 30, starter 240, premium 600)"],
    [['--journal-size=-1'], "invalid --journal-size '-1': expected a whole number from 0 to 1000000"],
    [['--journal-size', 'all'], "invalid --journal-size 'all': expected a whole number from 0 to 1000000"],
    [['--latency', '60001'], "invalid --latency '60001': expected a whole number from 0 to 60000"],
    [['--render-threads', 'all'], "invalid --render-threads 'all': expected a whole number from 0 to 64"],
    [['--render-threads', '65'], "invalid --render-threads '65': expected a whole number from 0 to 64"],
    [
      ['--faults', 'drop=2'],
      "invalid --faults item 'drop=2': expected FAULT=CHANCE, FAULT one of drop, truncate, 500, 502, 503, 504, CHANCE from 0 to 1",
    ],
    [['--faults', '503=0.1,boom=0.1'], "invalid --faults item 'boom=0.1'"],
    [['--faults', '503'], "invalid --faults item '503'"],
    [['--cors-origin', 'http://a.test', '--cors-origin', 'localhost:5173'], "invalid --cors-origin: 'localhost:5173' is not an origin"],
    [['--cors-origin', 'http://a.test/app'], "invalid --cors-origin: 'http://a.test/app' is not an origin"],
    [['--no-cors', '--cors-origin', 'http://a.test'], '--no-cors and --cors-origin contradict each other: use one'],
    [['--rate-limit=2'], "Option '--rate-limit' does not take an argument"],
  ])('refuses %j with exit code 2, the reason and the usage', async (args, message) => {
    const failure = await runCli(process.execPath, [cli, '--port', '0', ...args]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain(`toggl-exports-mock: ${message}`);
    expect(stderr).toContain('\n\nUsage: toggl-exports-mock');
  });

  it('serves with a quota and one CORS origin', async () => {
    const server = await startCli(['--port', '0', '--quota', '1', '--cors-origin', 'http://a.test']);
    const send = () =>
      fetch(`${server.url}${detailedXlsx.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basicAuth('ada@example.com', password), origin: 'http://a.test' },
        body: JSON.stringify({ start_date: '2026-10-01' }),
      });
    const first = await send();
    expect([first.status, first.headers.get('access-control-allow-origin'), first.headers.get('x-toggl-quota-remaining')]).toEqual([
      200,
      'http://a.test',
      '0',
    ]);
    expect((await send()).status).toBe(402);
    const journal = (await (await fetch(`${server.url}/__mock/requests?status=402`)).json()) as { path: string }[];
    expect(journal.map((entry) => entry.path)).toEqual([detailedXlsx.path]);
    expect((await fetch(`${server.url}/__mock/limits`, { method: 'DELETE' })).status).toBe(204);
    expect((await send()).status).toBe(200);
  });

  it('serves without CORS, with a small journal, the rate limit, faults and latency', async () => {
    const server = await startCli([
      '--port',
      '0',
      '--no-cors',
      '--journal-size',
      '1',
      '--rate-limit',
      '--faults',
      '503=1',
      '--latency',
      '100',
    ]);
    const started = performance.now();
    const first = await download(server.url);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect([first.status, await first.text(), first.headers.get('access-control-allow-origin')]).toEqual([
      503,
      'Service Unavailable',
      null,
    ]);
    expect((await download(server.url)).status).toBe(429); // the pace comes before the faults
    const journal = (await (await fetch(`${server.url}/__mock/requests`)).json()) as { status: number; sequence: number }[];
    expect(journal).toMatchObject([{ sequence: 2, status: 429 }]);
  });

  it('serves, logs one line per request without credentials, and stops cleanly on SIGTERM', async () => {
    const server = await startCli(['--port', '0', '--host', '127.0.0.1']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await download(server.url);
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(await sameFromTestServer())).toBe(true);
    await expect.poll(server.output).toMatch(new RegExp(`^POST ${detailedXlsx.path.replace(/\./g, '\\.')} 200 \\d+\\.\\dms$`, 'm'));
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).not.toContain(password);
    expect(server.output()).not.toContain(Buffer.from(`ada@example.com:${password}`).toString('base64'));
    expect(server.output()).not.toContain('ada@example.com');
  });

  it('logs no requests with --quiet, and still prints its URL', async () => {
    const server = await startCli(['--port', '0', '--quiet']);
    expect((await download(server.url)).status).toBe(200);
    const journal = await (await fetch(`${server.url}/__mock/requests`)).json();
    expect(journal).toHaveLength(1);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output().trim().split('\n')).toEqual([`Toggl exports mock server: ${server.url}`, 'SIGTERM: stopping']);
  });

  it('writes the same files in its own thread with --render-threads 0', async () => {
    const server = await startCli(['--port', '0', '--quiet', '--render-threads', '0']);
    const answer = await download(server.url);
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(await sameFromTestServer())).toBe(true);
  });

  it('stops cleanly on SIGINT', async () => {
    const server = await startCli(['--port', '0']);
    server.child.kill('SIGINT');
    expect(await server.exit).toBe(0);
  });

  it('runs under NODE_ENV=production', async () => {
    const server = await startCli(['--port', '0'], { NODE_ENV: 'production' });
    const answer = await download(server.url);
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(await sameFromTestServer())).toBe(true);
    const malformed = await fetch(`${server.url}${detailedXlsx.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuth('a@b.c', 'pw') },
      body: '{"start_date":',
    });
    expect(malformed.status).toBe(400);
  });

  it('says when the port is taken', async () => {
    const first = await startCli(['--port', '0']);
    const port = new URL(first.url).port;
    const failure = await runCli(process.execPath, [cli, '--port', port]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('says when the --docs file does not exist', async () => {
    const missing = path.join(tmpdir(), 'toggl-exports-mock-no-such-docs.html');
    const failure = await runCli(process.execPath, [cli, '--port', '0', '--docs', missing]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`cannot read --docs file '${missing}': no such file`);
  });

  it('says when the --docs file is a folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'mock-docs-folder-'));
    try {
      const failure = await runCli(process.execPath, [cli, '--port', '0', '--docs', folder]).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toContain(`cannot read --docs file '${folder}': it is a folder, not a file\n`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('serves an HTML page at /docs/ when given --docs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mock-docs-'));
    try {
      const page = path.join(dir, 'index.html');
      await writeFile(page, '<!doctype html><title>Toggl exports API</title>');
      const server = await startCli(['--port', '0', '--docs', page]);
      await expect.poll(server.output).toContain(`API docs: ${server.url}/docs/`);
      const docs = await fetch(`${server.url}/docs/`);
      expect([docs.status, docs.headers.get('content-type'), await docs.text()]).toEqual([
        200,
        'text/html; charset=utf-8',
        '<!doctype html><title>Toggl exports API</title>',
      ]);
      const root = await fetch(`${server.url}/`, { redirect: 'manual' });
      expect([root.status, root.headers.get('location')]).toEqual([302, '/docs/']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
