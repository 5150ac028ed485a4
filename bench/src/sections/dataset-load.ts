import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bigDataset, writeBigDataset } from '../dataset-file.ts';
import { detailedReportPath } from '../exports.ts';
import { peakRssOf } from '../processes.ts';
import { mockCli, mockCliWithData, type RunningServer, type ServerKind, startServer } from '../servers.ts';
import { median } from '../stats.ts';
import { type ColdAndCached, coldAndCached } from '../timed-export.ts';

export interface DatasetLoadResult {
  entries: number;
  fileBytes: number;
  /** Milliseconds from spawn to the first 200, one per start, with the dataset and without (the built-in workspace). */
  withData: number[];
  builtIn: number[];
  medianWithDataMs: number;
  medianBuiltInMs: number;
  /** VmHWM of the last process with the dataset: after its first 200, and at the end (after the year's CSV twice). */
  peakRssLoadedBytes: number;
  peakRssBytes: number;
  /** VmHWM of the last process without the dataset, after its first 200. */
  builtInPeakRssBytes: number;
  yearCsv: ColdAndCached & { rows: number };
}

/** Each start with the dataset takes seconds; three of each, taking turns, give a median. */
const rounds = 3;
const timeoutMs = 120_000;

/** Lines of a CSV file that are records: line feeds outside quoted fields, less the header's. */
function dataRows(csv: Buffer): number {
  let lines = 0;
  let quoted = false;
  for (const byte of csv) {
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x0a && !quoted) lines++;
  }
  return lines - 1;
}

/** The year's detailed CSV, first request then again; fails unless it holds every entry of the dataset. */
async function yearCsv(server: RunningServer): Promise<DatasetLoadResult['yearCsv']> {
  const { workspaceId, year, entries } = bigDataset;
  const body = { start_date: `${year}-01-01`, end_date: `${year}-12-31` };
  const { timing, file } = await coldAndCached(server.url, detailedReportPath(workspaceId, 'csv'), body, timeoutMs);
  const rows = dataRows(file);
  if (rows !== entries)
    throw new Error(`the ${year} detailed CSV of the dataset has ${rows} data rows, not ${entries}: its time would not be the dataset's`);
  return { ...timing, rows };
}

/** Starts a server, measures something on it, and stops it whatever happens. */
async function withServer<T>(kind: ServerKind, measure: (server: RunningServer) => T | Promise<T>): Promise<T> {
  const server = await startServer(kind);
  try {
    return await measure(server);
  } finally {
    await server.stop();
  }
}

/**
 * The mock's CLI with a dataset of 200,000 time entries (`--data`), next to the same CLI without
 * one: start-up to the first 200, taking turns; then, in the last process with the dataset, the
 * year's detailed CSV and the process's peak resident memory.
 */
export async function measureDatasetLoad(): Promise<DatasetLoadResult> {
  const directory = await mkdtemp(path.join(tmpdir(), 'toggl-exports-bench-'));
  try {
    const { file, bytes } = await writeBigDataset(directory);
    const withDataKind = mockCliWithData(file, bigDataset.workspaceId);
    const withData: number[] = [];
    const builtIn: number[] = [];
    for (let round = 0; round < rounds - 1; round++) {
      builtIn.push(await withServer(mockCli, (server) => server.msToFirst200));
      withData.push(await withServer(withDataKind, (server) => server.msToFirst200));
    }
    const builtInPeakRssBytes = await withServer(mockCli, (server) => {
      builtIn.push(server.msToFirst200);
      return peakRssOf(server.child.pid!);
    });
    const last = await withServer(withDataKind, async (server) => {
      withData.push(server.msToFirst200);
      const peakRssLoadedBytes = peakRssOf(server.child.pid!);
      const csv = await yearCsv(server);
      return { peakRssLoadedBytes, peakRssBytes: peakRssOf(server.child.pid!), yearCsv: csv };
    });
    return {
      entries: bigDataset.entries,
      fileBytes: bytes,
      withData,
      builtIn,
      medianWithDataMs: median([...withData]),
      medianBuiltInMs: median([...builtIn]),
      builtInPeakRssBytes,
      ...last,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
