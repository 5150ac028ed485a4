import { bundledSpec } from '@toggl-exports/spec-reader/testing';
import { describe, expect, it } from 'vitest';
import { bodyDefaults } from '../src/engine-codegen.ts';

describe('bodyDefaults', () => {
  it('reads each default where the spec keeps it, behind the $ref of the field (so openapi-typescript keeps the field optional)', () => {
    const defaults = bodyDefaults(bundledSpec());
    expect(defaults.exportDetailedReport).toMatchObject({
      duration_format: 'classic',
      enrich_response: false,
      grouped: false,
      hide_amounts: false,
      order_by: 'date',
      page_size: 50,
    });
    expect(defaults.exportSummaryReport).toMatchObject({
      audit: { show_empty_groups: false, show_tracked_groups: true },
      grouping: 'projects',
      sub_grouping: 'time_entries',
      collapse: false,
      distinguish_rates: false,
      hide_rates: false,
      include_time_entry_ids: false,
      order_by: 'title',
    });
  });
});
