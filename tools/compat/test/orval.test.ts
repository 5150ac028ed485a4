// orval 8 with a config of only `input` and `output` (so its default client, axios); then with
// `client: 'fetch'` (and the base URL it then needs), and with `client: 'fetch'` and
// `override.fetch.forceSuccessResponse`, the settings packages/openapi/README.md names. Its
// engines ask for Node >= 22.18, so npx fetches it and it runs on the npm registry's `node@24`
// (src/versions.ts).
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NPX_NODE, NPX_PACKAGES } from '../src/versions.ts';
import { describeClientTool } from './client-harness.ts';
import { run } from './support.ts';

/** The output of an npx command run on the workspace's Node (npm's cache has the package after the first run). */
const npx = async (npxArgs: string[]): Promise<string> => (await run('npx', ['-y', ...npxArgs], { cwd: tmpdir() })).stdout.trim();

// Looked up once for the file's three rows: the newer Node's executable, and orval's (its bin in
// npm's cache). npx itself runs on the workspace's Node: npm on the newer Node, started with the
// environment turbo's strict mode leaves (without NODE_EXTRA_CA_CERTS), spent a minute on each run.
let tools: Promise<{ node: string; orval: string }> | undefined;
const npxTools = () =>
  (tools ??= (async () => ({
    node: await npx(['-p', NPX_NODE, 'node', '-e', 'console.log(process.execPath)']),
    orval: await npx(['-p', `orval@${NPX_PACKAGES['orval']}`, '-c', 'command -v orval']),
  }))());

/** Runs orval, on the newer Node, with a config of `input` and `output` only (`output`: a target, or a target with settings). */
async function orval(dir: string, specFile: string, output: string | Record<string, unknown>): Promise<void> {
  const config = path.join(dir, 'orval.config.mjs');
  await writeFile(config, `export default { compat: { input: ${JSON.stringify(specFile)}, output: ${JSON.stringify(output)} } };\n`);
  const { node, orval: bin } = await npxTools();
  await run(node, [bin, '--config', config], { cwd: dir });
}

const args = (exportCase: { pathArguments: { literal: string }[]; bodyLiteral: string }) =>
  [...exportCase.pathArguments.map(({ literal }) => literal), exportCase.bodyLiteral].join(', ');

describeClientTool({
  tool: 'orval',
  generate: (dir, specFile) => orval(dir, specFile, './generated/client.ts'),
  setup: `import axios from 'axios';
import * as api from './generated/client.js';

const base = process.env['COMPAT_BASE_URL'] as string;
const username = process.env['COMPAT_USERNAME'] as string;
const password = process.env['COMPAT_PASSWORD'] as string;
axios.defaults.baseURL = base;
const auth = { username, password };`,
  call: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)}, { auth }).then(({ data }) => data)`,
  unauthorizedCall: (exportCase) =>
    `api.${exportCase.operationId}(${args(exportCase)}).then(({ data }) => data, (error: unknown) => (axios.isAxiosError(error) ? error.response?.data : error))`,
});

// The fetch client calls the global fetch with the URL orval writes: `baseUrl` (a user's would be Toggl's) is the mock's.
const fetchSetup = `import * as api from './generated/client.js';

const username = process.env['COMPAT_USERNAME'] as string;
const password = process.env['COMPAT_PASSWORD'] as string;
const headers = { Authorization: \`Basic \${btoa(\`\${username}:\${password}\`)}\` };`;

describeClientTool({
  tool: 'orval-fetch',
  generate: (dir, specFile, baseUrl) => orval(dir, specFile, { target: './generated/client.ts', client: 'fetch', baseUrl }),
  setup: fetchSetup,
  call: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)}, { headers }).then(({ data }) => data)`,
  // Every status's `data`, as the client types it.
  unauthorizedCall: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)}).then(({ data }) => data)`,
});

describeClientTool({
  tool: 'orval-fetch-throw',
  generate: (dir, specFile, baseUrl) =>
    orval(dir, specFile, {
      target: './generated/client.ts',
      client: 'fetch',
      baseUrl,
      override: { fetch: { forceSuccessResponse: true } },
    }),
  setup: fetchSetup,
  call: (exportCase) => `api.${exportCase.operationId}(${args(exportCase)}, { headers }).then(({ data }) => data)`,
  // An error answer is thrown: an Error whose `info` is the parsed body and `status` the status.
  unauthorizedCall: (exportCase) =>
    `api.${exportCase.operationId}(${args(exportCase)}).then(({ data }) => data, (error: unknown) => (error as { info?: unknown }).info)`,
});
