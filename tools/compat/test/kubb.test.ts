// Kubb 4 with its defaults: a `kubb.config.mjs` of only the input (the packed `openapi.yaml`), the
// output folder and the plugins `pluginOas()`, `pluginTs()` and `pluginClient()`, none given an
// option, so the clients call the API through Kubb's default client, axios
// (`@kubb/plugin-client/clients/axios`). Then with `pluginClient({ client: 'fetch' })`, Kubb's
// fetch client, and with `pluginClient({ importPath })` and a small client of our own (Kubb's fetch
// client sending `Content-Type: application/json` and reading files with `.blob()`), the setting
// packages/openapi/README.md advises. Kubb 4 runs on Node 20, so it is a devDependency. Its files
// import each other with `.ts` paths, so the program's tsconfig adds `allowImportingTsExtensions`.
// The default row also checks that a nullable ID list takes `[null]` (`tag_ids: [null]`).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolId } from '../src/expectations.ts';
import { type CallCase, describeClientTool } from './client-harness.ts';
import { run } from './support.ts';

const bin = fileURLToPath(new URL('../node_modules/@kubb/cli/bin/kubb.cjs', import.meta.url));

/** Runs `kubb generate` with a config of the input, the output folder and the three plugins, `pluginClient` given `clientOptions`. */
async function kubb(dir: string, specFile: string, clientOptions = ''): Promise<void> {
  const config = path.join(dir, 'kubb.config.mjs');
  await writeFile(
    config,
    `import { defineConfig } from '@kubb/core';
import { pluginClient } from '@kubb/plugin-client';
import { pluginOas } from '@kubb/plugin-oas';
import { pluginTs } from '@kubb/plugin-ts';

export default defineConfig({
  input: { path: ${JSON.stringify(specFile)} },
  output: { path: './generated' },
  plugins: [pluginOas(), pluginTs(), pluginClient(${clientOptions})],
});
`,
  );
  // The CLI sends anonymous usage telemetry to Kubb's server when it is online; this option turns that off.
  await run(process.execPath, [bin, 'generate', '--config', config], { cwd: dir, env: { ...process.env, KUBB_DISABLE_TELEMETRY: '1' } });
}

const args = (exportCase: CallCase) => [...exportCase.pathArguments.map(({ literal }) => literal), exportCase.bodyLiteral].join(', ');

/** Kubb's files import each other with `.ts` paths (its default `output.extension`), which tsc reads only with this option. */
const compilerOptions = { allowImportingTsExtensions: true };

const env = `const base = process.env['COMPAT_BASE_URL'] as string;
const username = process.env['COMPAT_USERNAME'] as string;
const password = process.env['COMPAT_PASSWORD'] as string;
const headers = { Authorization: \`Basic \${btoa(\`\${username}:\${password}\`)}\` };`;

describeClientTool({
  tool: 'kubb',
  generate: (dir, specFile) => kubb(dir, specFile),
  compilerOptions,
  setup: `import axios from 'axios';
import client from '@kubb/plugin-client/clients/axios';
import * as api from './generated/index.js';

${env}
client.setConfig({ baseURL: base });`,
  call: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)}, { headers })`,
  // axios rejects an error status: the body is the error's `response.data`.
  unauthorizedCall: (exportCase) =>
    `api.${exportCase.operationId}(${args(exportCase)}).then((data) => data, (error: unknown) => (axios.isAxiosError(error) ? error.response?.data : error))`,
});

const describeFetch = (tool: ToolId, clientOptions: string, client: string, clientFile?: string) =>
  describeClientTool({
    tool,
    generate: async (dir, specFile) => {
      if (clientFile) await writeFile(path.join(dir, 'client.ts'), clientFile);
      await kubb(dir, specFile, clientOptions);
    },
    compilerOptions,
    setup: `import client from '${client}';
import * as api from './generated/index.js';

${env}
client.setConfig({ baseURL: base });`,
    call: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)}, { headers })`,
    // Kubb's fetch client does not reject an error status: the call resolves to the error body.
    unauthorizedCall: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)})`,
  });

/**
 * The client of the `importPath` row: Kubb's fetch client (`@kubb/plugin-client/clients/fetch`)
 * as it is, but for two things: it labels the JSON body it sends `Content-Type: application/json`,
 * and it reads the answer with `.json()` only for a JSON media type, `.blob()` for every other.
 */
const ownClient = `export type RequestCredentials = 'omit' | 'same-origin' | 'include';

export type RequestConfig<TData = unknown> = {
  baseURL?: string;
  url?: string;
  method?: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD';
  params?: unknown;
  data?: TData | FormData;
  responseType?: 'arraybuffer' | 'blob' | 'document' | 'json' | 'text' | 'stream';
  signal?: AbortSignal;
  headers?: [string, string][] | Record<string, string>;
  credentials?: RequestCredentials;
};

export type ResponseConfig<TData = unknown> = { data: TData; status: number; statusText: string; headers: Headers };

export type ResponseErrorConfig<TError = unknown> = TError;

export type Client = <TData, _TError = unknown, TVariables = unknown>(config: RequestConfig<TVariables>) => Promise<ResponseConfig<TData>>;

let config: Partial<RequestConfig> = {};

const merge = (...configs: Array<Partial<RequestConfig>>): Partial<RequestConfig> =>
  configs.reduce<Partial<RequestConfig>>(
    (merged, next) => ({
      ...merged,
      ...next,
      headers: {
        ...(Array.isArray(merged.headers) ? Object.fromEntries(merged.headers) : merged.headers),
        ...(Array.isArray(next.headers) ? Object.fromEntries(next.headers) : next.headers),
      },
    }),
    {},
  );

export const client = async <TData, _TError = unknown, TVariables = unknown>(
  paramsConfig: RequestConfig<TVariables>,
): Promise<ResponseConfig<TData>> => {
  const merged = merge(config, paramsConfig);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged.params || {})) {
    if (value !== undefined) params.append(key, value === null ? 'null' : String(value));
  }
  let url = [merged.baseURL, merged.url].filter(Boolean).join('');
  if (merged.params) url += \`?\${params}\`;
  const response = await globalThis.fetch(url, {
    credentials: merged.credentials || 'same-origin',
    method: merged.method?.toUpperCase(),
    body: merged.data instanceof FormData ? merged.data : JSON.stringify(merged.data),
    signal: merged.signal,
    headers: merged.data instanceof FormData ? merged.headers : { 'Content-Type': 'application/json', ...merged.headers },
  });
  const json = /^application\\/(.+\\+)?json\\b/.test(response.headers.get('content-type') ?? '');
  const data = [204, 205, 304].includes(response.status) || !response.body ? {} : json ? await response.json() : await response.blob();
  return { data: data as TData, status: response.status, statusText: response.statusText, headers: response.headers };
};

client.getConfig = () => config;
client.setConfig = (next: Partial<RequestConfig>) => {
  config = next;
  return config;
};

export default client;
`;

describeFetch('kubb-fetch', `{ client: 'fetch' }`, '@kubb/plugin-client/clients/fetch');
describeFetch('kubb-blob', `{ importPath: '../../client.ts' }`, './client.js', ownClient);
