// The dataset of the mock server README's "Your own data" section, as a fresh object per call.

export type Json = Record<string, any>;

export function readmeDataset(): Json {
  return {
    $schema: './node_modules/@toggl-exports/mock-server/dist/dataset.schema.json',
    workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 }],
    users: [
      { id: 7, fullname: 'Ada Lovelace', email: 'ada@acme.example', timezone: 'Europe/London', labor_cost: 45 },
      { id: 8, fullname: 'Grace Hopper', email: 'grace@acme.example', timezone: 'America/New_York' },
    ],
    groups: [{ id: 3, name: 'Engineering', user_ids: [7, 8] }],
    clients: [{ id: 100, name: 'Globex' }],
    projects: [{ id: 200, name: 'Billing API', client_id: 100, billable: true, rate: 120, color: '#06aaf5' }],
    tasks: [{ id: 300, name: 'Invoices', project_id: 200 }],
    tags: [{ id: 400, name: 'Review' }],
    time_entries: [
      {
        id: 1,
        workspace_id: 42,
        user_id: 7,
        project_id: 200,
        task_id: 300,
        description: 'Invoice PDF layout',
        billable: true,
        start: '2026-10-05T08:00:00Z',
        stop: '2026-10-05T09:30:00Z',
        tag_ids: [400],
      },
      {
        id: 2,
        workspace_id: 42,
        user_id: 8,
        project_id: null,
        description: 'Planning',
        billable: false,
        start: '2026-10-06T14:00:00-04:00',
        duration: 1800,
      },
    ],
    saved_reports: [
      {
        token: 'b1ll4ble',
        workspace_id: 42,
        report: 'detailed',
        public: false,
        owner_user_id: 7,
        name: 'Billable October',
        params: { billable: true, start_date: '2026-10-01', end_date: '2026-10-31' },
      },
    ],
  };
}
