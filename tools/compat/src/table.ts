import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EXPECTATIONS, type ToolId, verdict } from './expectations.ts';
import { toolVersion } from './versions.ts';

export const README = fileURLToPath(new URL('../../../packages/openapi/README.md', import.meta.url));
export const BEGIN = '<!-- compat table: begin (pnpm --filter @toggl-exports/compat table) -->';
export const END = '<!-- compat table: end -->';

export const toolIds = Object.keys(EXPECTATIONS) as ToolId[];

/** The packages' versions, each but the first named unless the tool's name names it: `8.38.0 + axios 1.21.1`. */
export const versionOf = (tool: ToolId): string => {
  const { name: toolName, packages } = EXPECTATIONS[tool];
  return packages
    .map((name, index) => (index === 0 || toolName.includes(name) ? toolVersion(name) : `${name} ${toolVersion(name)}`))
    .join(' + ');
};

/** The markdown table, one row per tool: `verdicts` (measured) or else the expectations table's. */
export function renderTable(verdicts: Partial<Record<ToolId, string>> = {}): string {
  const rows = toolIds.map((tool) => `| ${EXPECTATIONS[tool].name} | ${versionOf(tool)} | ${verdicts[tool] ?? verdict(tool)} |`);
  return ['| tool | version | verdict |', '|---|---|---|', ...rows].join('\n');
}

/** The README's text between the markers; undefined when a marker is missing. */
export function tableInReadme(readme: string): string | undefined {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) return undefined;
  return readme.slice(begin + BEGIN.length, end).trim();
}

/** Writes the expectations table between the markers of packages/openapi/README.md. */
export async function writeReadmeTable(): Promise<boolean> {
  const readme = await readFile(README, 'utf8');
  if (tableInReadme(readme) === undefined) throw new Error(`${README}: no "${BEGIN}" … "${END}" markers`);
  const begin = readme.indexOf(BEGIN) + BEGIN.length;
  const next = `${readme.slice(0, begin)}\n${renderTable()}\n${readme.slice(readme.indexOf(END))}`;
  if (next === readme) return false;
  await writeFile(README, next);
  return true;
}
