// Property: whatever a JavaScript caller puts in a body, exportReport answers; a value the spec
// refuses for a field is refused as invalid_request at that field, never thrown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInData, type ExportOutcome, exportReport, type WorkspaceExportId } from '../src/index.ts';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 200);

/** Any JavaScript value, also those JSON cannot hold; `undefined` is a field left out, so it is not among them. */
const anyValue = fc
  .anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
  })
  .filter((value) => value !== undefined);

const exportSummary = (body: unknown): Promise<ExportOutcome> =>
  exportReport(builtInData, {
    operationId: 'exportSummaryReport',
    format: 'csv',
    workspaceId: 1234567,
    body: body as never,
    today: '2026-10-15',
  });

/** The spec's integers have no upper bound: 2 ** 53 is one, though JavaScript cannot count past it exactly. */
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** Fields of the summary body, where each sits in it, and which values the spec allows there. */
const FIELDS: readonly { field: string; bodyWith: (value: unknown) => unknown; allows: (value: unknown) => boolean }[] = [
  {
    field: 'grouping',
    bodyWith: (grouping) => ({ grouping }),
    allows: (value) => ['projects', 'users', 'clients'].includes(value as string),
  },
  { field: 'collapse', bodyWith: (collapse) => ({ collapse }), allows: (value) => typeof value === 'boolean' },
  { field: 'min_duration_seconds', bodyWith: (seconds) => ({ min_duration_seconds: seconds }), allows: isCount },
  {
    field: 'audit.group_filter.min_amount_cents',
    bodyWith: (cents) => ({ audit: { group_filter: { min_amount_cents: cents } } }),
    allows: isCount,
  },
  {
    field: 'project_ids[1]',
    bodyWith: (id) => ({ project_ids: [7001, id] }),
    allows: (value) => value === null || (Number.isInteger(value) && (value as number) >= 1),
  },
];

describe('body checks (property)', () => {
  it('refuses a value a field does not allow, at that field, with a message that starts with it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FIELDS).chain((field) =>
          fc.tuple(
            fc.constant(field),
            anyValue.filter((value) => !field.allows(value)),
          ),
        ),
        async ([{ field, bodyWith }, value]) => {
          const outcome = await exportSummary(bodyWith(value));
          expect(outcome).toMatchObject({ ok: false, reason: 'invalid_request', field });
          expect(outcome.ok || outcome.reason !== 'invalid_request' || outcome.message.startsWith(`${field} must be `)).toBe(true);
        },
      ),
      { numRuns },
    );
  });

  it('refuses a field the body does not have, naming it', async () => {
    // Every field of the spec's bodies is a name of letters and underscores; these names are not, or are near misses.
    const unknownName = fc.oneof(
      fc.string({ minLength: 1 }).filter((name) => !/^[A-Za-z_]+$/.test(name) && name !== '__proto__'),
      fc.constantFrom('colour', 'Grouping', 'startdate', 'project_id', 'audits'),
    );
    await fc.assert(
      fc.asyncProperty(unknownName, anyValue, async (name, value) => {
        const outcome = await exportSummary({ [name]: value });
        expect(outcome).toMatchObject({ ok: false, reason: 'invalid_request', field: name });
        expect(outcome.ok || outcome.reason !== 'invalid_request' || outcome.message).toMatch(/ is not a field of this report's body; /);
      }),
      { numRuns },
    );
  });

  it('answers any body without throwing, whatever its fields hold', async () => {
    const bodyFields = ['start_date', 'end_date', 'project_ids', 'user_ids', 'rounding', 'duration_format', 'order_by', 'hide_amounts'];
    const operationIds: WorkspaceExportId[] = [
      'exportDetailedReport',
      'exportSummaryReportPdf',
      'exportWeeklyReportCsv',
      'exportProjectTrends',
    ];
    const body = fc.oneof(anyValue, fc.dictionary(fc.constantFrom(...bodyFields), anyValue, { minKeys: 1 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationIds), body, async (operationId, body) => {
        const outcome = await exportReport(builtInData, {
          operationId,
          format: 'csv',
          workspaceId: 1234567,
          body: body as never,
          today: '2026-10-15',
        });
        expect(['invalid_request', undefined]).toContain(outcome.ok ? undefined : outcome.reason);
      }),
      { numRuns },
    );
  });
});
