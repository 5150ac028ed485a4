// Consumer's-eye: the packed packages' types, as TypeScript 5.9 and TypeScript 7 see them in a
// project that installed the tarballs, under moduleResolution node16 (ES module and CommonJS
// files) and bundler. The consumer files must compile; the one wrong line must be the one error.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { run, typescripts } from './consumer-project.ts';

const dir = inject('consumerDir');

interface Compilation {
  diagnostics: string[];
  /** Our files the compiler loaded (declarations and the spec's JSON), relative to node_modules/@toggl-exports/, chunk hashes as `<hash>`. */
  ourFiles: string[];
}

async function compile(alias: keyof typeof typescripts, config: string): Promise<Compilation> {
  const tsc = path.join(dir, 'node_modules', alias, 'bin', 'tsc');
  const args = [tsc, '-p', `tsconfig.${config}.json`, '--pretty', 'false', '--listFiles'];
  // tsc exits non-zero when it reports errors, which the wrong line guarantees.
  const stdout = await run(process.execPath, args, { cwd: dir }).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const lines = stdout.split('\n').filter(Boolean);
  return {
    diagnostics: lines.filter((line) => /\berror TS\d+:/.test(line)),
    ourFiles: lines
      .flatMap((line) => /node_modules\/@toggl-exports\/(.+)$/.exec(line)?.[1] ?? [])
      .map((file) => file.replace(/-[A-Za-z0-9_-]{8}\.d\./, '-<hash>.d.'))
      .sort(),
  };
}

/** Where the wrong line is, so that comments above it can change; read once for every compilation. */
let wrongLinePosition: Promise<{ line: number; column: number }> | undefined;
const wrongLine = () =>
  (wrongLinePosition ??= readFile(path.join(dir, 'types/wrong-format.mts'), 'utf8').then((text) => {
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.includes("format: 'pdf'"));
    return { line: index + 1, column: (lines[index] ?? '').indexOf('format') + 1 };
  }));

const esmDeclarations = [
  'client/dist/index.d.ts',
  'client/dist/methods-<hash>.d.ts',
  'client/dist/node.d.ts',
  'client/dist/raw.d.ts',
  'mock-server/dist/control.d.ts',
  'mock-server/dist/index.d.ts',
  // Types the main and the control entries share (the controls, the journal's entries, the faults), in a chunk of their own.
  'mock-server/dist/control-methods-<hash>.d.ts',
  'report-engine/dist/index.d.ts',
];
const cjsDeclarations = esmDeclarations.map((file) => file.replace(/\.d\.ts$/, '.d.cts'));
const specJson = 'openapi/openapi.json';

// The four compilations are independent: run them side by side.
describe.concurrent.each(Object.entries(typescripts) as [keyof typeof typescripts, string][])('%s (%s)', (alias, spec) => {
  it('is the version we meant to install', async () => {
    const { stdout } = await run(process.execPath, [path.join(dir, 'node_modules', alias, 'bin', 'tsc'), '--version'], { cwd: dir });
    expect(stdout.trim()).toBe(`Version ${spec.split('@')[1]}`);
  });

  it.each([
    // ES module and CommonJS consumers: imports in the .cts file must find the .d.cts types.
    { config: 'node16', declarations: [...esmDeclarations, ...cjsDeclarations, specJson].sort() },
    { config: 'bundler', declarations: [...esmDeclarations, specJson].sort() },
  ])('moduleResolution $config: the consumer files compile and the wrong format is the only error', async ({ config, declarations }) => {
    const { diagnostics, ourFiles } = await compile(alias, config);
    const { line, column } = await wrongLine();
    expect(diagnostics).toEqual([
      `types/wrong-format.mts(${line},${column}): error TS2322: Type '"pdf"' is not assignable to type '"csv" | "xlsx"'.`,
    ]);
    expect(ourFiles).toEqual(declarations);
  });
});
