// The calls both entry scripts (esm.mjs, cjs.cjs) make, given the modules each one loaded through
// its own module system. Downloaded files go to outDir; the rest is returned for the test to check.
const { writeFile } = require('node:fs/promises');
const path = require('node:path');

const workspaceId = 1234567;
const october = { start_date: '2026-10-01', end_date: '2026-10-31' };

/** One export in each format, through the main entry. */
const downloads = [
  { method: 'exportDetailedReport', args: { workspaceId, format: 'csv', body: october } },
  { method: 'exportSummaryReport', args: { workspaceId, format: 'xlsx', body: { ...october, grouping: 'projects' } } },
  { method: 'exportWeeklyReportPdf', args: { workspaceId, body: { start_date: '2026-10-05', end_date: '2026-10-11' } } },
];

module.exports = async function exercise({ main, node, raw, mockServer, spec, mockUrl, outDir }) {
  const credentials = { apiToken: 'consumer-test-token' };
  const client = main.createTogglExportsClient(credentials, { baseUrl: mockUrl });
  const files = [];
  for (const { method, args } of downloads) {
    const file = await client[method](args);
    const saved = path.join(outDir, `${method}-${file.format}`);
    await writeFile(saved, Buffer.from(await file.arrayBuffer()));
    files.push({ operationId: file.operationId, format: file.format, contentType: file.contentType, filename: file.filename, saved });
  }

  // The Node entry streams to disk.
  const nodeClient = node.createTogglExportsClient(credentials, { baseUrl: mockUrl });
  const pdf = await nodeClient.exportDetailedReportPdf({ workspaceId, body: october });
  const saved = path.join(outDir, 'saveTo.pdf');
  await pdf.saveTo(saved);
  files.push({ operationId: pdf.operationId, format: pdf.format, contentType: pdf.contentType, filename: pdf.filename, saved });

  // The raw entry's openapi-fetch client, for the same client.
  const rawCall = await raw.rawClient(client).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: workspaceId } },
    body: october,
    parseAs: 'text',
  });

  const error = await client.exportDetailedReport({ workspaceId, format: 'csv', body: { ...october, not_a_field: true } }).catch((caught) => caught);

  // The mock server's library entry, in this module system, with a server of its own.
  const ownServer = await mockServer.startMockServer({ port: 0 });
  const viaLibrary = await main.createTogglExportsClient(credentials, { baseUrl: ownServer.url }).exportWeeklyReportCsv({ workspaceId, body: october });
  const libraryCsv = await viaLibrary.text();
  await ownServer.close();

  const operationIds = Object.values(spec.paths).flatMap((pathItem) => Object.values(pathItem).map((operation) => operation.operationId));
  return {
    files,
    error: {
      isTogglApiError: error instanceof main.TogglApiError,
      nodeEntrySharesClass: node.TogglApiError === main.TogglApiError,
      status: error.status,
      reason: error.reason,
      serverMessage: error.serverMessage,
    },
    rawCall: { status: rawCall.response.status, csvFirstLine: rawCall.data.split('\n')[0] },
    libraryServer: { url: ownServer.url, csvFirstLine: libraryCsv.split('\n')[0] },
    specOperations: operationIds.length,
    specOperationsWithoutMethod: operationIds.filter((id) => typeof client[id] !== 'function'),
  };
};
