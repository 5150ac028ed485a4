import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDocs } from './docs.ts';
import { generateAll } from './generate.ts';
import { findStaleFiles, writeGeneratedFiles } from './generated-file.ts';
import { defaultDocsFile } from './repo-paths.ts';

const usage = `Usage: toggl-exports-gen <command>

Commands:
  generate            write every generated file from spec/
  check               fail if a committed generated file differs from what generate would write
  docs [--out FILE]   render the API docs to one offline HTML file (default: dist/docs/index.html)`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async generate() {
    const files = await generateAll();
    const { removed } = await writeGeneratedFiles(files);
    console.log(
      `generated ${files.length} files${removed.length > 0 ? `; removed ${removed.length} no longer generated: ${removed.join(', ')}` : ''}`,
    );
  },
  async check() {
    const stale = await findStaleFiles(await generateAll());
    if (stale.length > 0) {
      console.error(`These generated files differ from the spec; run \`pnpm generate\`:\n  ${stale.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    console.log('generated files are up to date');
  },
  async docs(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string', default: defaultDocsFile } } });
    const file = await buildDocs(path.resolve(values.out));
    console.log(`docs written to ${path.relative(process.cwd(), file)}`);
  },
};

const [name = '', ...rest] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(name ? `Unknown command "${name}".\n\n${usage}` : usage);
  process.exitCode = 2;
} else {
  try {
    await command(rest);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
