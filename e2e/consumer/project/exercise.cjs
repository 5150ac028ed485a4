// The calls both entry scripts (esm.mjs, cjs.cjs) make, given the modules each one loaded through
// its own module system. Downloaded files go to outDir; the rest is returned for the test to check.
const path = require('node:path');

/** The downloads every runtime makes (one export in each format, through the main entry), and their requests' values. */
const { workspaceId, october, week, downloadEach } = require('./download-each.cjs');

/** Our packages' entries that both scripts load, in this order: each reports the file it resolved every one of them to. */
const entrySpecifiers = [
  '@toggl-exports/client',
  '@toggl-exports/client/node',
  '@toggl-exports/client/raw',
  '@toggl-exports/mock-server',
  '@toggl-exports/mock-server/control',
  '@toggl-exports/openapi/openapi.json',
  '@toggl-exports/report-engine',
];

/** A workspace of one's own: one member, one project, two entries (one of them on another day). */
const dataset = {
  workspaces: [{ id: 77, name: 'Consumer test', default_currency: 'EUR', default_hourly_rate: 80 }],
  users: [{ id: 5, fullname: 'Ada Lovelace', email: 'ada@example.com', timezone: 'Europe/London' }],
  projects: [{ id: 9, name: 'Engine', billable: true, rate: 120 }],
  time_entries: [
    {
      id: 1,
      workspace_id: 77,
      user_id: 5,
      project_id: 9,
      billable: true,
      description: 'Notes',
      start: '2026-10-05T08:00:00Z',
      stop: '2026-10-05T09:30:00Z',
    },
    {
      id: 2,
      workspace_id: 77,
      user_id: 5,
      project_id: 9,
      billable: false,
      description: 'Review',
      start: '2026-10-06T13:00:00Z',
      duration: 1800,
    },
  ],
};

/**
 * The control entry's client for the mock at mockUrl (the packed bin, which nothing else calls
 * meanwhile): its journal emptied, one export request, the journal read (the control's own
 * requests are not in it) and read again filtered, then emptied again.
 */
async function journalOverHttp(main, mockControl, mockUrl) {
  const control = mockControl.connectMockServer(`${mockUrl}/`);
  await control.resetRequests();
  const client = main.createTogglExportsClient({ apiToken: 'journal-test-token' }, { baseUrl: mockUrl });
  await client.exportWeeklyReportCsv({ workspaceId, body: week });
  const entries = await control.requests();
  const matching = await control.requests({ method: 'post', path: '/reports/api/v3/workspace/*', status: 200 });
  const notMatching = await control.requests({ status: 404 });
  await control.resetRequests();
  const afterReset = await control.requests();
  // The other controls answer too (nothing to reset here: the bin runs with no quota and no faults).
  await control.resetLimits();
  await control.resetFaults();
  const badFilter = await control.requests({ colour: 'red' }).catch((caught) => caught);
  return {
    entries: entries.map(({ sequence, receivedAt, durationMs, method, path, query, headers, credentials, body, status }) => ({
      sequence: Number.isInteger(sequence) && sequence > 0,
      receivedAt: !Number.isNaN(Date.parse(receivedAt)),
      durationMs: typeof durationMs === 'number' && durationMs >= 0,
      method,
      path,
      query,
      authorization: headers.authorization,
      credentials,
      body,
      status,
    })),
    matching: matching.length,
    notMatching: notMatching.length,
    afterReset: afterReset.length,
    badFilter: { isError: badFilter instanceof Error, message: badFilter.message },
  };
}

async function exercise({ main, node, raw, mockServer, mockControl, engine, spec, mockUrl, outDir }) {
  const journal = await journalOverHttp(main, mockControl, mockUrl);

  const { files } = await downloadEach(main, mockUrl, outDir);
  const credentials = { apiToken: 'consumer-test-token' };
  const client = main.createTogglExportsClient(credentials, { baseUrl: mockUrl });

  // The Node entry streams to disk.
  const nodeClient = node.createTogglExportsClient(credentials, { baseUrl: mockUrl });
  const pdf = await nodeClient.exportDetailedReportPdf({ workspaceId, body: october });
  const saved = path.join(outDir, 'saveTo.pdf');
  await pdf.saveTo(saved);
  files.push({
    method: 'exportDetailedReportPdf',
    args: { workspaceId, body: october },
    operationId: pdf.operationId,
    format: pdf.format,
    contentType: pdf.contentType,
    filename: pdf.filename,
    saved,
  });

  // The raw entry's openapi-fetch client, for the same client.
  const rawCall = await raw.rawClient(client).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: workspaceId } },
    body: week,
    parseAs: 'text',
  });

  const error = await client
    .exportDetailedReport({ workspaceId, format: 'csv', body: { ...october, not_a_field: true } })
    .catch((caught) => caught);

  // The mock server's library entry, in this module system, with a server of its own computing from the dataset above.
  const ownServer = await mockServer.startMockServer({ port: 0, data: dataset });
  let libraryCsv, detailed, otherWorkspace, libraryJournal;
  try {
    const ownClient = main.createTogglExportsClient(credentials, { baseUrl: ownServer.url });
    libraryCsv = await (await ownClient.exportWeeklyReportCsv({ workspaceId: 77, body: week })).text();
    detailed = new Uint8Array(await (await ownClient.exportDetailedReport({ workspaceId: 77, format: 'csv', body: week })).arrayBuffer());
    otherWorkspace = await ownClient.exportDetailedReport({ workspaceId, format: 'csv', body: week }).catch((caught) => caught);
    // Its journal, in process and through the control entry over HTTP.
    const statuses = (entries) => entries.map(({ status }) => status);
    libraryJournal = {
      inProcess: statuses(ownServer.requests()),
      overHttp: statuses(await mockControl.connectMockServer(ownServer.url).requests()),
    };
  } finally {
    // A failed call must not leave a server that keeps this process alive.
    await ownServer.close();
  }
  // The report engine's entry computes the same file from the same dataset.
  const loaded = engine.loadDataset(dataset);
  const computed = await engine.exportReport(loaded.data, {
    operationId: 'exportDetailedReport',
    format: 'csv',
    workspaceId: 77,
    body: week,
  });
  // Its XLSX and PDF writers, which it loads on first use, in this module system too.
  const leading = async (operationId, format, count) => {
    const outcome = await engine.exportReport(loaded.data, { operationId, format, workspaceId: 77, body: week });
    return outcome.ok ? Buffer.from(outcome.file.bytes.subarray(0, count)).toString('latin1') : outcome.reason;
  };
  const xlsxStart = await leading('exportSummaryReport', 'xlsx', 4);
  const pdfStart = await leading('exportWeeklyReportPdf', 'pdf', 5);

  const operationIds = Object.values(spec.paths).flatMap((pathItem) => Object.values(pathItem).map((operation) => operation.operationId));
  return {
    journal,
    files,
    error: {
      isTogglApiError: error instanceof main.TogglApiError,
      nodeEntrySharesClass: node.TogglApiError === main.TogglApiError,
      status: error.status,
      reason: error.reason,
      serverMessage: error.serverMessage,
    },
    rawCall: { status: rawCall.response.status, csvFirstLine: rawCall.data.split('\n')[0] },
    libraryServer: {
      url: ownServer.url,
      weeklyLines: libraryCsv.split('\n'),
      detailedCsv: new TextDecoder().decode(detailed),
      otherWorkspace: { status: otherWorkspace.status, serverMessage: otherWorkspace.serverMessage },
      journal: libraryJournal,
    },
    engine: {
      ok: loaded.ok && computed.ok,
      sameBytesAsTheMock: computed.ok && Buffer.from(computed.file.bytes).equals(Buffer.from(detailed)),
      xlsxStart,
      pdfStart,
    },
    specOperations: operationIds.length,
    specOperationsWithoutMethod: operationIds.filter((id) => typeof client[id] !== 'function'),
  };
}

module.exports = { entrySpecifiers, exercise };
