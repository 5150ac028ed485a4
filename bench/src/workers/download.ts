import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createTogglExportsClient } from '@toggl-exports/client/node';

/*
 * Runs in a process of its own, so its peak resident memory is the download's alone: one
 * download of the big CSV export from the local server (argv[3]), done one of three ways
 * (argv[2]). Prints { peakRssBytes, seconds, bytes }.
 */

const [variant, baseUrl, directory] = process.argv.slice(2) as [string, string, string];
const url = `${baseUrl}/reports/api/v3/workspace/1234567/search/time_entries.csv`;
const body = { start_date: '2026-10-01', end_date: '2026-10-31' };
const client = createTogglExportsClient({ apiToken: '1971800d4d82861d8f2c1651fea4d212' }, { baseUrl, timeout: false });
const download = () => client.exportDetailedReport({ workspaceId: 1234567, format: 'csv', body });

const ways: Record<string, () => Promise<number>> = {
  /** The client's Node entry streaming the file to disk. */
  'save to disk': async () => {
    const target = path.join(directory, 'export.csv');
    await (await download()).saveTo(target);
    const { size } = await stat(target);
    await rm(target);
    return size;
  },
  /** The floor: Node's fetch, every chunk read and dropped. */
  'fetch and discard': async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const reader = response.body!.getReader();
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
    return bytes;
  },
  /** What saving avoids: the whole file in memory at once. */
  'buffered whole': async () => (await (await download()).arrayBuffer()).byteLength,
};

const way = ways[variant];
if (!way) throw new Error(`unknown download variant '${variant}'; use ${Object.keys(ways).join(', ')}`);
const started = performance.now();
const bytes = await way();
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ peakRssBytes: process.resourceUsage().maxRSS * 1024, seconds, bytes }));
