import { EXPORT_FORMATS } from '@toggl-exports/spec-reader';
import { detailedReportPath, postExport } from './exports.ts';

/** One export asked for twice in a row: the first answer computed, the second from the mock's response cache. */
export interface ColdAndCached {
  coldMs: number;
  cachedMs: number;
  bytes: number;
}

/** One export request, timed from sending it to the answer's last byte; anything but a 200 is an error. */
async function timedExport(url: string, path: string, body: unknown, timeoutMs: number): Promise<{ ms: number; file: Buffer }> {
  const started = performance.now();
  const response = await postExport(url, path, body, timeoutMs);
  const file = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`POST ${path} ${JSON.stringify(body)} answered ${response.status}: ${file.subarray(0, 300).toString()}`);
  return { ms, file };
}

/** Sends a request the server has not seen, then the same again; both must answer the same file. */
export async function coldAndCached(
  url: string,
  path: string,
  body: unknown,
  timeoutMs: number,
): Promise<{ timing: ColdAndCached; file: Buffer }> {
  const cold = await timedExport(url, path, body, timeoutMs);
  const cached = await timedExport(url, path, body, timeoutMs);
  if (!cached.file.equals(cold.file)) throw new Error(`POST ${path} ${JSON.stringify(body)} answered a different file the second time`);
  return { timing: { coldMs: cold.ms, cachedMs: cached.ms, bytes: cold.file.length }, file: cold.file };
}

/**
 * A week of the detailed report in each format, for a period no measurement asks for: loads the
 * mock's XLSX and PDF writers (it loads them on the first such request) and warms the JIT, so
 * that the figures that follow are the computing alone.
 */
export async function warmUpDetailedReports(url: string, workspaceId: number, timeoutMs: number): Promise<void> {
  for (const format of EXPORT_FORMATS) {
    await timedExport(url, detailedReportPath(workspaceId, format), { start_date: '2019-06-03', end_date: '2019-06-09' }, timeoutMs);
  }
}
