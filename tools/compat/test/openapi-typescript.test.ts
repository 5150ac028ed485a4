// openapi-typescript's types (`openapi-typescript openapi.yaml -o schema.d.ts`) with openapi-fetch's
// client, both with their defaults; then the same with `parseAs: 'blob'` on every call, as
// packages/openapi/README.md advises for files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolId } from '../src/expectations.ts';
import { describeClientTool } from './client-harness.ts';
import { run } from './support.ts';

const bin = fileURLToPath(new URL('../node_modules/openapi-typescript/bin/cli.js', import.meta.url));

const describeOpenapiFetch = (tool: ToolId, parseAs?: string) => {
  const request = (exportCase: { template: string; pathArguments: { name: string; literal: string }[]; bodyLiteral: string }) =>
    `'${exportCase.template}', { params: { path: { ${exportCase.pathArguments.map(({ name, literal }) => `${name}: ${literal}`).join(', ')} } }, body: ${exportCase.bodyLiteral}${parseAs ? `, parseAs: '${parseAs}'` : ''} }`;

  describeClientTool({
    tool,
    generate: async (dir, specFile) => {
      await run(process.execPath, [bin, specFile, '-o', path.join(dir, 'schema.d.ts')], { cwd: dir });
    },
    setup: `import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

const base = process.env['COMPAT_BASE_URL'] as string;
const username = process.env['COMPAT_USERNAME'] as string;
const password = process.env['COMPAT_PASSWORD'] as string;
const client = createClient<paths>({ baseUrl: base, headers: { Authorization: \`Basic \${btoa(\`\${username}:\${password}\`)}\` } });
const anonymous = createClient<paths>({ baseUrl: base });`,
    call: (exportCase) => `client.POST(${request(exportCase)}).then(({ data }) => data)`,
    unauthorizedCall: (exportCase) => `anonymous.POST(${request(exportCase)}).then(({ error }) => error)`,
  });
};

describeOpenapiFetch('openapi-typescript');
describeOpenapiFetch('openapi-typescript-blob', 'blob');
