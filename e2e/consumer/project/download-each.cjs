// The downloads every runtime makes (test/runtime-matrix.test.ts, through download.mjs and
// download.cjs): one file in each format through the client's main entry, given as the module the
// calling script loaded in its own module system. exercise.cjs makes the same three downloads with it.
const { writeFile } = require('node:fs/promises');
const path = require('node:path');

const workspaceId = 1234567;
const october = { start_date: '2026-10-01', end_date: '2026-10-31' };
const week = { start_date: '2026-10-05', end_date: '2026-10-11' };

/** One export in each format, through the main entry. */
const downloads = [
  { method: 'exportDetailedReport', args: { workspaceId, format: 'csv', body: october } },
  { method: 'exportSummaryReport', args: { workspaceId, format: 'xlsx', body: { ...october, grouping: 'projects' } } },
  { method: 'exportWeeklyReportPdf', args: { workspaceId, body: week } },
];

/** What runs this script, as the runtime itself says: `Deno 2.x.y`, `Bun 1.x.y` or `Node 22.x.y`. */
function runtime() {
  if (typeof Deno !== 'undefined') return `Deno ${Deno.version.deno}`;
  if (typeof Bun !== 'undefined') return `Bun ${Bun.version}`;
  return `Node ${process.versions.node}`;
}

/** Downloads each file with `main` (the client's main entry) from the mock at mockUrl into outDir. */
async function downloadEach(main, mockUrl, outDir) {
  const client = main.createTogglExportsClient({ apiToken: 'runtime-matrix-token' }, { baseUrl: mockUrl });
  const files = [];
  for (const { method, args } of downloads) {
    const file = await client[method](args);
    const saved = path.join(outDir, `${method}-${file.format}`);
    await writeFile(saved, new Uint8Array(await file.arrayBuffer()));
    files.push({
      method,
      args,
      operationId: file.operationId,
      format: file.format,
      contentType: file.contentType,
      filename: file.filename,
      saved,
    });
  }
  return { runtime: runtime(), files };
}

module.exports = { workspaceId, october, week, downloads, downloadEach };
