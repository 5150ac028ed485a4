import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { markdownTable, type Results, rowsOf } from './report.ts';
import { measureBundleSize } from './sections/bundle-size.ts';
import { measureClientOverhead } from './sections/client-overhead.ts';
import { measureDatasetLoad } from './sections/dataset-load.ts';
import { measureSoak } from './sections/mock-load.ts';
import { measureStartup } from './sections/mock-startup.ts';
import { measureThroughput } from './sections/mock-throughput.ts';
import { measureRepoTimes } from './sections/repo-times.ts';
import { measureMonths } from './sections/report-months.ts';
import { measureYear } from './sections/report-year.ts';
import { measureStreaming } from './sections/streaming.ts';

/*
 * pnpm bench: every measurement next to its baseline, in one run on one machine. Prints a
 * markdown table (paste it into the README's "Performance" section) and writes results.json.
 * `pnpm bench --only=client,startup` runs some sections and writes nothing.
 */

const sections = {
  bundle: measureBundleSize,
  client: measureClientOverhead,
  streaming: measureStreaming,
  startup: measureStartup,
  throughput: measureThroughput,
  load: measureSoak,
  months: measureMonths,
  year: measureYear,
  dataset: measureDatasetLoad,
  repo: measureRepoTimes,
} satisfies Record<keyof Results, () => Promise<unknown>>;

type Section = keyof typeof sections;

const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='));
const chosen = (onlyArgument?.slice('--only='.length).split(',') ?? Object.keys(sections)) as Section[];
const unknown = chosen.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}; the sections are ${Object.keys(sections).join(', ')}.`);
  process.exit(2);
}

const modelName = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
const machine = {
  cpus: cpus().length,
  model: modelName,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadavg()[0]!,
};

const results: Results = {};
const failures: Record<string, string> = {};
const started = performance.now();
for (const name of chosen) {
  const sectionStarted = performance.now();
  console.error(`bench: ${name}...`);
  try {
    (results as Record<string, unknown>)[name] = await sections[name]();
    console.error(`bench: ${name} done in ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s`);
  } catch (error) {
    // One broken section should not cost the others' figures; it is reported, and the run fails.
    failures[name] = String((error as Error).stack ?? error);
    console.error(`bench: ${name} FAILED: ${failures[name]}`);
  }
}

const rows = [
  ...rowsOf(results),
  ...Object.keys(failures).map((name) => ({
    measurement: `section \`${name}\``,
    result: 'failed (see the log)',
    baseline: '—',
    target: '—',
    met: false,
  })),
];
const summary = [
  `Measured with \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine.cpus} × ${machine.model}, Node ${machine.node}, ${machine.platform}` +
    ` (load average ${machine.loadAverageAtStart.toFixed(1)} at the start; the whole run took ${((performance.now() - started) / 1000).toFixed(0)} s).`,
  '',
  markdownTable(rows),
].join('\n');
console.log(summary);

if (!onlyArgument) {
  const file = new URL('../results.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, rows, results, failures }, null, 2)}\n`);
  console.error(`bench: wrote ${file.pathname}`);
}
if (Object.keys(failures).length > 0) process.exitCode = 1;
