// The client README's table of methods says which exports there are and in which formats: it must
// say what the generated operations table (src/generated/operations.ts) says, no more, no less.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { exportOperations } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** `| \`exportA\` / \`exportB\` | CSV / XLSX |` rows of the table under "| Method | Formats |", as method → formats. */
function documentedMethods(): Record<string, string[]> {
  const table = readme.slice(readme.indexOf('| Method | Formats |'));
  const lines = table.split('\n').slice(2);
  const rows = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  );
  return Object.fromEntries(
    rows.flatMap((row) => {
      const [methods = '', formats = ''] = row
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      const names = [...methods.matchAll(/`(\w+)`/g)].map((match) => match[1] as string);
      // One method with several formats (`csv`, `xlsx`), or several methods of one format each (CSV / XLSX / PDF).
      const perMethod =
        names.length > 1
          ? formats.split('/').map((format) => [format.trim().toLowerCase()])
          : [formats.replaceAll('`', '').toLowerCase().split(/,\s*/)];
      return names.map((name, index) => [name, perMethod[index] ?? []]);
    }),
  );
}

it('lists every method of the client with its formats, and nothing else', () => {
  const generated = Object.fromEntries(
    Object.entries(exportOperations).map(([operationId, operation]) => [operationId, Object.keys(operation.formats)]),
  );
  expect(documentedMethods()).toEqual(generated);
});
