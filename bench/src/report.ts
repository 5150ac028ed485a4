import { availableParallelism } from 'node:os';
import { EXPORT_FORMATS, type ExportFormat } from '@toggl-exports/spec-reader';
import type { LoadResult } from './load.ts';
import type { BundleSize, BundleSizeResult } from './sections/bundle-size.ts';
import type { ClientOverheadResult } from './sections/client-overhead.ts';
import type { DatasetLoadResult } from './sections/dataset-load.ts';
import type { SoakResult } from './sections/mock-load.ts';
import type { StartupResult } from './sections/mock-startup.ts';
import type { ThroughputResult, ThroughputResults } from './sections/mock-throughput.ts';
import type { RepoTimesResult } from './sections/repo-times.ts';
import type { MonthsResult } from './sections/report-months.ts';
import type { YearResult } from './sections/report-year.ts';
import type { StreamingResult } from './sections/streaming.ts';
import { median } from './stats.ts';
import type { ColdAndCached } from './timed-export.ts';

export interface Results {
  client?: ClientOverheadResult;
  streaming?: StreamingResult;
  startup?: { mock: StartupResult; bare: StartupResult; prism: StartupResult };
  throughput?: ThroughputResults;
  load?: SoakResult;
  months?: MonthsResult;
  year?: YearResult;
  dataset?: DatasetLoadResult;
  repo?: RepoTimesResult;
  bundle?: BundleSizeResult;
}

export interface Row {
  measurement: string;
  result: string;
  baseline: string;
  target: string;
  /** undefined: no target. */
  met?: boolean;
}

const MB = 1_000_000;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const us = (value: number) => `${value.toFixed(0)} µs`;
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const seconds = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} s`;
const ratio = (value: number) => `${value.toFixed(2)}×`;
const cpuPerRequest = (value: number) => `${value.toFixed(1)} µs per request`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
const load = (result: LoadResult) => `${perSecond(result.requestsPerSecond)}, p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}`;

function clientRows({ client }: Results): Row[] {
  if (!client) return [];
  const ours = client['our client'];
  const raw = client['raw fetch'];
  const bare = client['openapi-fetch'];
  const toRaw = ours.median / raw.median;
  const toBare = ours.median / bare.median;
  return [
    {
      measurement: 'Export call (small CSV, local server), median / p99',
      result: `our client ${us(ours.median)} / ${us(ours.p99)}: ${ratio(toRaw)} raw fetch, ${ratio(toBare)} openapi-fetch`,
      baseline: `raw fetch ${us(raw.median)} / ${us(raw.p99)}; openapi-fetch ${us(bare.median)} / ${us(bare.p99)} (${ratio(bare.median / raw.median)} raw fetch)`,
      target: '≤ 1.25× raw fetch and ≤ 1.05× openapi-fetch (median)',
      met: toRaw <= 1.25 && toBare <= 1.05,
    },
  ];
}

function streamingRows({ streaming }: Results): Row[] {
  if (!streaming) return [];
  const save = streaming['save to disk'];
  const discard = streaming['fetch and discard'];
  const whole = streaming['buffered whole'];
  const toDiscard = save.peakRssBytes / discard.peakRssBytes;
  return [
    {
      measurement: `Download a ${mb(streaming.fileBytes)} CSV export, peak RSS of the process`,
      result: `saveTo(): ${mb(save.peakRssBytes)} (${ratio(toDiscard)} fetch-and-discard), ${seconds(save.seconds)}`,
      baseline: `fetch and discard: ${mb(discard.peakRssBytes)}, ${seconds(discard.seconds)}; buffered whole: ${mb(whole.peakRssBytes)}, ${seconds(whole.seconds)}`,
      target: '≤ 1.25× fetch-and-discard and ≤ 200 MB',
      met: toDiscard <= 1.25 && save.peakRssBytes <= 200 * MB,
    },
  ];
}

function startupRows({ startup }: Results): Row[] {
  if (!startup) return [];
  return [
    {
      measurement: `Mock: process start to first 200 (median of ${startup.mock.runs.length})`,
      result: seconds(startup.mock.medianMs / 1000),
      baseline: `bare node:http ${seconds(startup.bare.medianMs / 1000)}; Prism CLI ${seconds(startup.prism.medianMs / 1000)}`,
      target: '≤ 1 s',
      met: startup.mock.medianMs <= 1000,
    },
  ];
}

function throughputRows({ throughput }: Results): Row[] {
  if (!throughput) return [];
  const { mock, bare, prism } = throughput;
  const rows: Row[] = mock.same.map((ours, index) => {
    const theirs = prism.same[index]!;
    const times = ours.requestsPerSecond / theirs.requestsPerSecond;
    return {
      measurement: `Mock, one request repeated, ${ours.connections} connections`,
      result: `${load(ours)} (${ratio(times)} Prism CLI)`,
      baseline: `bare node:http ${load(bare.same[index]!)}; Prism CLI ${load(theirs)}`,
      target: ours.connections === 10 ? '≥ 2× Prism CLI req/s, p99 ≤ 10 ms' : '≥ 2× Prism CLI req/s',
      met: times >= 2 && (ours.connections !== 10 || ours.p99Ms <= 10),
    };
  });
  for (const cost of throughput.journalAndCors) {
    rows.push({
      measurement: `Mock, one request repeated with an \`Origin\` header, ${cost.connections} connections: defaults (journal of 1000, CORS for any origin)`,
      result: `${load(cost.defaults)}, server CPU ${cpuPerRequest(cost.cpuUsPerRequest.defaults)} (${percent(cost.medianRatio)} of the baseline's req/s: median of ${cost.roundRatios.length} rounds in ${cost.processPairs} fresh pairs of processes, each round one slice of both back to back)`,
      baseline: `the same CLI with \`--journal-size 0 --no-cors\`, taking turns with it: ${load(cost.without)}, server CPU ${cpuPerRequest(cost.cpuUsPerRequest.without)}`,
      target: "≥ 95% of the baseline's req/s",
      met: cost.medianRatio >= 0.95,
    });
  }
  if (mock.mixed && prism.mixed) {
    const times = mock.mixed.requestsPerSecond / prism.mixed.requestsPerSecond;
    rows.push({
      measurement: `Mock, mixed requests (every export, half of them new bodies), ${mock.mixed.connections} connections`,
      result: `${load(mock.mixed)} (${ratio(times)} Prism CLI)`,
      baseline: `Prism CLI ${load(prism.mixed)}`,
      target: `≥ ${MIXED_TARGET_TIMES}× Prism CLI req/s and p99 ≤ 50 ms`,
      met: times >= MIXED_TARGET_TIMES && mock.mixed.p99Ms <= 50,
    });
    rows.push(mixedCpuRow('the same mix', mock.mixed, prism.mixed));
  }
  if (mock.mixedWithoutThreads && prism.mixed) {
    rows.push({
      measurement: `Mock, the same mix with every file written in the server's own thread (\`--render-threads 0\`; breakdown of the mixed row), ${mock.mixedWithoutThreads.connections} connections`,
      result: `${load(mock.mixedWithoutThreads)} (${ratio(mock.mixedWithoutThreads.requestsPerSecond / prism.mixed.requestsPerSecond)} Prism CLI)`,
      baseline: `Prism CLI ${load(prism.mixed)}`,
      target: '—',
    });
  }
  if (mock.mixedCsv && prism.mixedCsv) {
    rows.push({
      measurement: `Mock, the same mix over the CSV exports only (breakdown of the mixed row: no XLSX or PDF), ${mock.mixedCsv.connections} connections`,
      result: `${load(mock.mixedCsv)} (${ratio(mock.mixedCsv.requestsPerSecond / prism.mixedCsv.requestsPerSecond)} Prism CLI)`,
      baseline: `Prism CLI ${load(prism.mixedCsv)}`,
      target: '—',
    });
    rows.push(mixedCpuRow('the mix over the CSV exports only', mock.mixedCsv, prism.mixedCsv));
  }
  return rows;
}

/** The mixed row's target, as a multiple of the Prism CLI's req/s. */
const MIXED_TARGET_TIMES = 3;

type MixedLoad = NonNullable<ThroughputResult['mixed']>;

/**
 * Where the mixed row's CPU goes, per request, and what its target would take: the server and
 * the load generator share the machine's cores, so at the target's pace both together need
 * `rate × (server + load generator)` of CPU time a second.
 */
function mixedCpuRow(mix: string, mock: MixedLoad, prism: MixedLoad): Row {
  const targetRate = MIXED_TARGET_TIMES * prism.requestsPerSecond;
  const cores = (microseconds: number) => ((targetRate * microseconds) / 1e6).toFixed(1);
  const { server, loadGenerator } = mock.cpuUsPerRequest;
  return {
    measurement: `Mock, ${mix}: CPU time per request (breakdown of the mixed row), in the server's process (every thread) and in the load generator (autocannon, in the bench's process, on the same cores)`,
    result:
      `server ${cpuPerRequest(server)}, load generator ${cpuPerRequest(loadGenerator)}: at ${MIXED_TARGET_TIMES}× Prism CLI ` +
      `(${perSecond(targetRate)}) they would take ${cores(server)} and ${cores(loadGenerator)} cores, of the ${availableParallelism()} here`,
    baseline: `Prism CLI: server ${cpuPerRequest(prism.cpuUsPerRequest.server)}, load generator ${cpuPerRequest(prism.cpuUsPerRequest.loadGenerator)}`,
    target: '—',
  };
}

function loadRows({ load: soak }: Results): Row[] {
  if (!soak) return [];
  const growth = soak.rssAfterBytes - soak.rssAfterWarmUpBytes;
  return [
    {
      measurement: `Mock under load: ${soak.run.requests.toLocaleString('en-US')} mixed export requests, ${soak.run.connections} connections`,
      result: `${soak.run.failed} failed; ${perSecond(soak.run.requestsPerSecond)}, p99 ${ms(soak.run.p99Ms)}; RSS ${mb(soak.rssAfterWarmUpBytes)} after warm-up → ${mb(soak.rssAfterBytes)} after (peak ${mb(soak.rssPeakBytes)})`,
      baseline: `warm-up: ${soak.warmUpRequests.toLocaleString('en-US')} requests of the same mix`,
      target: '0 failed, RSS after ≤ RSS after warm-up + 30 MB',
      met: soak.run.failed === 0 && soak.run.requests >= 20_000 && growth <= 30 * MB,
    },
  ];
}

/** What one format's row of a detailed-report timing says: the period asked for, how the cold figure was taken, and the figures. */
interface ColdAndCachedFigures extends ColdAndCached {
  period: string;
  cold: string;
}

/** One row per format for a period of the built-in workspace's detailed report: cold, and the same request again from the cache. */
function detailedReportRows(figures: (format: ExportFormat) => ColdAndCachedFigures): Row[] {
  return EXPORT_FORMATS.map((format) => {
    const { period, cold, coldMs, cachedMs, bytes } = figures(format);
    return {
      measurement: `Mock: ${period} of the built-in workspace's detailed report as ${format.toUpperCase()}, cold (${cold})`,
      result: `${ms(coldMs)} (${kb(bytes)})`,
      baseline: `${ms(cachedMs)}, the same request repeated (from the mock's cache)`,
      target: '—',
    };
  });
}

function monthRows({ months }: Results): Row[] {
  if (!months) return [];
  return detailedReportRows((format) => {
    const { runs, medianColdMs, medianCachedMs } = months[format];
    return {
      period: 'a month',
      cold: `median of ${runs.length} months, each new to the mock`,
      coldMs: medianColdMs,
      cachedMs: medianCachedMs,
      bytes: median(runs.map((run) => run.bytes)),
    };
  });
}

function yearRows({ year }: Results): Row[] {
  if (!year) return [];
  return detailedReportRows((format) => ({ period: `a year (${year[format].year})`, cold: 'first request', ...year[format] }));
}

function datasetRows({ dataset }: Results): Row[] {
  if (!dataset) return [];
  const entries = dataset.entries.toLocaleString('en-US');
  return [
    {
      measurement: `Mock with a ${entries}-entry dataset (\`--data\`, ${mb(dataset.fileBytes)} of JSON): process start to first 200 (median of ${dataset.withData.length})`,
      result: seconds(dataset.medianWithDataMs / 1000),
      baseline: `without \`--data\` (built-in workspace) ${seconds(dataset.medianBuiltInMs / 1000)}`,
      target: '≤ 3 s',
      met: dataset.medianWithDataMs <= 3000,
    },
    {
      measurement: `Mock with the ${entries}-entry dataset: peak RSS (VmHWM), after the year's CSV below`,
      result: `${mb(dataset.peakRssBytes)} (${mb(dataset.peakRssLoadedBytes)} after its first 200)`,
      baseline: `without \`--data\`, after its first 200: ${mb(dataset.builtInPeakRssBytes)}`,
      target: '≤ 500 MB',
      met: dataset.peakRssBytes <= 500 * MB,
    },
    {
      measurement: `Mock with the ${entries}-entry dataset: the year's detailed report as CSV (${dataset.yearCsv.rows.toLocaleString('en-US')} rows), cold (first request)`,
      result: `${ms(dataset.yearCsv.coldMs)} (${mb(dataset.yearCsv.bytes)})`,
      baseline: `${ms(dataset.yearCsv.cachedMs)}, the same request repeated (from the mock's cache)`,
      target: '≤ 1 s',
      met: dataset.yearCsv.coldMs <= 1000,
    },
  ];
}

function repoRows({ repo }: Results): Row[] {
  if (!repo) return [];
  return [
    {
      measurement: '`pnpm generate`',
      result: `${seconds(repo.generate.seconds)} with every generator run (\`--force\`)`,
      baseline: `${seconds(repo.generateCached.seconds)} replayed from turbo's cache`,
      target: '—',
    },
    {
      measurement: '`pnpm test`, nothing changed',
      result: `${seconds(repo.test.seconds)} (${repo.test.cached} of ${repo.test.total} turbo tasks from cache)`,
      baseline: '—',
      target: '—',
    },
  ];
}

const bundleSize = ({ gzippedBytes, minifiedBytes }: BundleSize) => `${kb(gzippedBytes)} gzipped (${kb(minifiedBytes)} minified)`;

function bundleRows({ bundle }: Results): Row[] {
  if (!bundle) return [];
  const baseline = `openapi-fetch alone ${bundleSize(bundle.openapiFetch)}`;
  const over = (size: BundleSize) => {
    const added = size.gzippedBytes - bundle.openapiFetch.gzippedBytes;
    return `${added < 0 ? '−' : '+'}${kb(Math.abs(added))} over openapi-fetch`;
  };
  return [
    {
      measurement: 'Client bundle (main entry, esbuild, minified + gzip -9)',
      result: `${bundleSize(bundle.client)}: ${over(bundle.client)}`,
      baseline,
      target: '≤ +3 kB gzipped over openapi-fetch',
      met: bundle.client.gzippedBytes - bundle.openapiFetch.gzippedBytes <= 3000,
    },
    {
      measurement: 'Client bundle with `rawClient` (main and raw entries, which bring openapi-fetch)',
      result: `${bundleSize(bundle.clientWithRaw)}: ${over(bundle.clientWithRaw)}`,
      baseline,
      target: '—',
    },
  ];
}

export function rowsOf(results: Results): Row[] {
  return [clientRows, streamingRows, startupRows, throughputRows, loadRows, monthRows, yearRows, datasetRows, repoRows, bundleRows].flatMap(
    (rows) => rows(results),
  );
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
  const lines = ['| Measurement | This run | Baseline (same run) | Target | Met |', '|---|---|---|---|---|'];
  for (const row of rows) {
    const met = row.met === undefined ? '—' : row.met ? '✅ yes' : '❌ no';
    lines.push(`| ${[row.measurement, row.result, row.baseline, row.target, met].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}
