import { parse } from 'csv-parse/sync';
import { renderFixtures, type ExportFixture, type ExportFormat } from '../src/fixtures/index.ts';
import { bundledSpec } from './spec-support.ts';

let rendered: Promise<ExportFixture[]> | undefined;

/** The fixtures of the bundled spec, rendered once per test file. */
export const bundledFixtures = (): Promise<ExportFixture[]> => (rendered ??= renderFixtures(bundledSpec()));

export async function fixtureOf(operationId: string, format: ExportFormat): Promise<ExportFixture> {
  const found = (await bundledFixtures()).find((fixture) => fixture.operationId === operationId && fixture.format === format);
  if (!found) throw new Error(`No ${format} fixture for ${operationId}`);
  return found;
}

export interface ParsedCsv {
  header: string[];
  rows: string[][];
  /** Rows as objects keyed by header. */
  records: Record<string, string>[];
}

/** Parses with csv-parse; it rejects a row whose column count differs from the header's. */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const [header = [], ...rows] = parse(Buffer.from(bytes), { relax_column_count: false }) as string[][];
  return { header, rows, records: rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']))) };
}

export async function csvOf(operationId: string): Promise<ParsedCsv> {
  return parseCsv((await fixtureOf(operationId, 'csv')).bytes);
}

/** `HH:MM:SS` (hours may run past 99) to seconds. */
export function secondsOf(duration: string): number {
  const match = /^(\d{2,}):([0-5]\d):([0-5]\d)$/.exec(duration);
  if (!match) throw new Error(`"${duration}" is not HH:MM:SS`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** A money text such as `1234.50` or `-12.00` to cents. */
export function centsOf(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`"${amount}" is not an amount with two decimals`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

export const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
