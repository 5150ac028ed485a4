// One client generator's checks: it generates a client from the packed spec with its defaults
// (or, in a row of its own, with the settings packages/openapi/README.md tells users to choose),
// a small program calls every export through it with an ordinary body, tsc type-checks the two
// (strict), and the program, run against our mock, must download each file byte for byte as
// plain fetch gets it, and see the mock's 401 error body as a string. A row whose checks include
// `nullable-ids` also type-checks the detailed report's call with `tag_ids: [null]` in its body.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { type ExportCase, isJsonObject, type OpenApiDocument, readExportOperations } from '@toggl-exports/spec-reader';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe } from 'vitest';
import { EXPECTATIONS, type ToolId } from '../src/expectations.ts';
import {
  basicAuth,
  caseId,
  casesOf,
  checksOf,
  credentials,
  type Outcome,
  ordinaryBody,
  problems,
  readSpec,
  run,
  specYaml,
  workDir,
} from './support.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = path.join(packageDir, 'node_modules/typescript/bin/tsc');

/** An export case as a program calls it: the path's template and its values, typed as the spec types them. */
export interface CallCase extends ExportCase {
  id: string;
  /** The path as the spec writes it: `/reports/api/v3/workspace/{workspace_id}/search/time_entries.{extension}`. */
  template: string;
  /** Each path parameter as a TypeScript literal (`1234567`, `'csv'`), in the template's order. */
  pathArguments: { name: string; literal: string }[];
  /** The ordinary body as a TypeScript literal: `{ start_date: '2026-10-01', end_date: '2026-10-31' }`. */
  bodyLiteral: string;
}

export interface ClientTool {
  tool: ToolId;
  /**
   * Generates the client into `dir` from the packed spec's `openapi.yaml`, with the tool's defaults
   * or the settings the row names; `baseUrl` is the mock's, for a tool that writes it into the client.
   */
  generate(dir: string, specFile: string, baseUrl: string): Promise<void>;
  /** The program's imports and client set-up; `base`, `username` and `password` are in scope. */
  setup: string;
  /** An expression: the downloaded file as the generated client hands it over (a promise). */
  call(exportCase: CallCase): string;
  /** An expression: the error body the generated client hands over for the same call without credentials (a promise). */
  unauthorizedCall(exportCase: CallCase): string;
  /** Compiler options the generated code needs on top of the program's tsconfig (Kubb's `.ts` import paths). */
  compilerOptions?: Record<string, unknown>;
}

function callCases(spec: OpenApiDocument): CallCase[] {
  const operations = new Map(readExportOperations(spec).map((operation) => [operation.operationId, operation]));
  return casesOf(spec).map((exportCase) => {
    const operation = operations.get(exportCase.operationId);
    if (!operation) throw new Error(`no operation ${exportCase.operationId}`);
    const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    const pathArguments = names.map((name) => {
      const parameter = operation.parameters.find((candidate) => candidate['name'] === name);
      const schema = isJsonObject(parameter?.['schema']) ? parameter['schema'] : {};
      const value = name === 'extension' ? exportCase.format : (exportCase.parameters[name] as string);
      const numeric = schema['type'] === 'integer' || schema['type'] === 'number';
      return { name, literal: numeric ? String(Number(value)) : `'${value}'` };
    });
    const { start_date, end_date } = ordinaryBody(exportCase);
    return {
      ...exportCase,
      id: caseId(exportCase),
      template: operation.path,
      pathArguments,
      bodyLiteral: `{ start_date: '${start_date}', end_date: '${end_date}' }`,
    };
  });
}

const program = (
  client: ClientTool,
  cases: CallCase[],
  unauthorized: CallCase,
) => `// The compat suite's program: every export through the generated client.
import { writeFileSync } from 'node:fs';
${client.setup}

interface Seen { kind: string; base64?: string; value?: unknown }

/** What the client handed over: its type and, for a string or bytes, the bytes (a string as UTF-8). */
async function seen(get: () => Promise<unknown>): Promise<Seen> {
  try {
    const data = await get();
    if (typeof data === 'string') return { kind: 'string', base64: Buffer.from(data, 'utf8').toString('base64'), value: data.slice(0, 200) };
    if (data instanceof Blob) return { kind: 'Blob', base64: Buffer.from(await data.arrayBuffer()).toString('base64') };
    if (data instanceof ArrayBuffer) return { kind: 'ArrayBuffer', base64: Buffer.from(data).toString('base64') };
    if (ArrayBuffer.isView(data)) return { kind: data.constructor.name, base64: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') };
    return { kind: data === null ? 'null' : typeof data, value: data };
  } catch (error) {
    return { kind: 'threw', value: String(error) };
  }
}

const results: Record<string, Seen> = {};
${cases.map((exportCase) => `results['${exportCase.id}'] = await seen(() => ${client.call(exportCase)});`).join('\n')}
results['unauthorized'] = await seen(() => ${client.unauthorizedCall(unauthorized)});
writeFileSync(process.argv[2] as string, JSON.stringify(results));
`;

/** The nullable-ids check's program (a call with `tag_ids: [null]`), type-checked on its own with the same options. */
const nullableIdsFile = 'nullable-ids.ts';

const tsconfig = (client: ClientTool) => ({
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'preserve',
    moduleResolution: 'bundler',
    types: ['node'],
    skipLibCheck: true,
    noEmit: true,
    ...client.compilerOptions,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', nullableIdsFile],
});

const nullableIdsTsconfig = (client: ClientTool) => {
  const { compilerOptions } = tsconfig(client);
  return { compilerOptions, files: [nullableIdsFile] };
};

interface Seen {
  kind: string;
  base64?: string;
  value?: unknown;
}

export function describeClientTool(client: ClientTool): void {
  describe(EXPECTATIONS[client.tool].name, () => {
    let mock: MockServer;
    let dir: string;
    let cases: CallCase[];
    let unauthorized: CallCase;
    let generated: Promise<void> | undefined;
    let ran: Promise<Record<string, Seen>> | undefined;
    const expected = new Map<string, Buffer>();
    let expectedError: { status: number; body: unknown };

    beforeAll(async () => {
      mock = await startMockServer({ port: 0 });
      cases = callCases(await readSpec());
      const first = cases.find(({ authOptional }) => !authOptional);
      if (!first) throw new Error('no export needs credentials');
      unauthorized = first;
      dir = path.join(workDir(), client.tool);
      await mkdir(dir, { recursive: true });
      // The compiler, the generated code and the program resolve packages (openapi-fetch, axios) from this package.
      await symlink(path.join(packageDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      // What plain fetch gets for the same requests: the bytes to compare with.
      for (const exportCase of cases) {
        const response = await fetch(`${mock.url}${exportCase.path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: basicAuth },
          body: JSON.stringify(ordinaryBody(exportCase)),
        });
        if (response.status !== 200) throw new Error(`the mock answers ${exportCase.id} with ${response.status}: ${await response.text()}`);
        expected.set(exportCase.id, Buffer.from(await response.arrayBuffer()));
      }
      const response = await fetch(`${mock.url}${unauthorized.path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(ordinaryBody(unauthorized)),
      });
      expectedError = { status: response.status, body: JSON.parse(await response.text()) };
    });

    afterAll(async () => {
      await mock?.close();
    });

    const generate = () => {
      generated ??= (async () => {
        await client.generate(dir, specYaml(), mock.url);
        await writeFile(path.join(dir, 'main.ts'), program(client, cases, unauthorized));
        await writeFile(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig(client), null, 2)}\n`);
      })();
      return generated;
    };

    const runProgram = () => {
      ran ??= (async () => {
        await generate();
        // esbuild strips the types whatever tsc says, so that a type error does not hide what the client does at run time.
        await build({
          entryPoints: [path.join(dir, 'main.ts')],
          outfile: path.join(dir, 'main.mjs'),
          bundle: true,
          packages: 'external',
          platform: 'node',
          format: 'esm',
          target: 'node20',
          logLevel: 'error',
        });
        const out = path.join(dir, 'results.json');
        const [username, password] = credentials.split(':') as [string, string];
        await run(process.execPath, [path.join(dir, 'main.mjs'), out], {
          cwd: dir,
          env: { ...process.env, COMPAT_BASE_URL: mock.url, COMPAT_USERNAME: username, COMPAT_PASSWORD: password },
        });
        return JSON.parse(await readFile(out, 'utf8')) as Record<string, Seen>;
      })();
      return ran;
    };

    const byteForByte = (format: string) => async (): Promise<Outcome> => {
      const results = await runProgram();
      const list: string[] = [];
      for (const exportCase of cases.filter((candidate) => candidate.format === format)) {
        const result = results[exportCase.id];
        const want = expected.get(exportCase.id) as Buffer;
        const got = result?.base64 === undefined ? undefined : Buffer.from(result.base64, 'base64');
        if (got === undefined) list.push(`${exportCase.id}: got ${result?.kind} ${JSON.stringify(result?.value)?.slice(0, 200)}`);
        else if (!got.equals(want))
          list.push(`${exportCase.id}: got a ${result?.kind} of ${got.length} bytes, the mock sent ${want.length} bytes`);
      }
      return problems(list);
    };

    const typecheck = async (tsconfigFile: string): Promise<Outcome> => {
      const result = await run(process.execPath, [tsc, '-p', path.join(dir, tsconfigFile)], { cwd: dir }).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error), failed: true }),
      );
      return 'failed' in result ? problems(result.stdout.trim().split('\n')) : undefined;
    };

    checksOf(client.tool, {
      generates: async () => {
        await generate();
        return undefined;
      },
      typecheck: async () => {
        await generate();
        return typecheck('tsconfig.json');
      },
      // The detailed report's call as the program makes it, its body with a nullable ID list of only `null` ("no tag").
      'nullable-ids': async () => {
        await generate();
        const detailed = cases.find(({ operationId, format }) => operationId === 'exportDetailedReport' && format === 'csv');
        if (!detailed) throw new Error('no exportDetailedReport.csv case');
        const { start_date, end_date } = ordinaryBody(detailed);
        const call = client.call({ ...detailed, bodyLiteral: `{ start_date: '${start_date}', end_date: '${end_date}', tag_ids: [null] }` });
        await writeFile(path.join(dir, nullableIdsFile), `${client.setup}\n\nexport const withNull = () => ${call};\n`);
        await writeFile(path.join(dir, 'tsconfig.nullable-ids.json'), `${JSON.stringify(nullableIdsTsconfig(client), null, 2)}\n`);
        return typecheck('tsconfig.nullable-ids.json');
      },
      csv: byteForByte('csv'),
      xlsx: byteForByte('xlsx'),
      pdf: byteForByte('pdf'),
      'error-string': async () => {
        const seen = (await runProgram())['unauthorized'];
        if (seen?.kind === 'string' && seen.value === expectedError.body) return undefined;
        return `the mock answered ${expectedError.status} ${JSON.stringify(expectedError.body)}; the client handed over a ${seen?.kind}: ${JSON.stringify(seen?.value)?.slice(0, 200)}`;
      },
    });
  });
}
