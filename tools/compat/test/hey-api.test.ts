// @hey-api/openapi-ts (`openapi-ts -i openapi.yaml -o generated`, its default plugins: types, SDK,
// fetch client), called with its defaults; then the same SDK called with `parseAs: 'blob'`, as
// packages/openapi/README.md advises for files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolId } from '../src/expectations.ts';
import { describeClientTool } from './client-harness.ts';
import { run } from './support.ts';

const bin = fileURLToPath(new URL('../node_modules/@hey-api/openapi-ts/bin/run.js', import.meta.url));

const describeHeyApi = (tool: ToolId, parseAs?: string) => {
  const options = (exportCase: { pathArguments: { name: string; literal: string }[]; bodyLiteral: string }) =>
    `path: { ${exportCase.pathArguments.map(({ name, literal }) => `${name}: ${literal}`).join(', ')} }, body: ${exportCase.bodyLiteral}${parseAs ? `, parseAs: '${parseAs}'` : ''}`;

  describeClientTool({
    tool,
    generate: async (dir, specFile) => {
      await run(process.execPath, [bin, '-i', specFile, '-o', path.join(dir, 'generated')], { cwd: dir });
    },
    setup: `import { createClient } from './generated/client/index.js';
import { client } from './generated/client.gen.js';
import * as sdk from './generated/sdk.gen.js';

const base = process.env['COMPAT_BASE_URL'] as string;
const username = process.env['COMPAT_USERNAME'] as string;
const password = process.env['COMPAT_PASSWORD'] as string;
client.setConfig({ baseUrl: base, auth: \`\${username}:\${password}\` });
const anonymous = createClient({ baseUrl: base });`,
    call: (exportCase) => `sdk.${exportCase.operationId}({ ${options(exportCase)} }).then(({ data }) => data)`,
    unauthorizedCall: (exportCase) =>
      `sdk.${exportCase.operationId}({ client: anonymous, ${options(exportCase)} }).then(({ error }) => error)`,
  });
};

describeHeyApi('hey-api');
describeHeyApi('hey-api-blob', 'blob');
