// orval 8 with a config of only `input` and `output` (so its default client, axios). Its engines
// ask for Node >= 22.18, so it runs with npx on the npm registry's `node@24` (src/versions.ts).
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NPX_NODE, NPX_PACKAGES } from '../src/versions.ts';
import { describeClientTool } from './client-harness.ts';
import { run } from './support.ts';

/** The newer Node's executable, from npm's cache after the first run. */
async function npxNode(): Promise<string> {
  const { stdout } = await run('npx', ['-y', '-p', NPX_NODE, 'node', '-e', 'console.log(process.execPath)'], { cwd: tmpdir() });
  return stdout.trim();
}

const args = (exportCase: { pathArguments: { literal: string }[]; bodyLiteral: string }) =>
  [...exportCase.pathArguments.map(({ literal }) => literal), exportCase.bodyLiteral].join(', ');

describeClientTool({
  tool: 'orval',
  generate: async (dir, specFile) => {
    const config = path.join(dir, 'orval.config.mjs');
    await writeFile(config, `export default { compat: { input: ${JSON.stringify(specFile)}, output: './generated/client.ts' } };\n`);
    const node = await npxNode();
    await run('npx', ['-y', '-p', `orval@${NPX_PACKAGES['orval']}`, 'orval', '--config', config], {
      cwd: dir,
      env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}` },
    });
  },
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
