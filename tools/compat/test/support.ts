import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ExportCase, exportCases, type OpenApiDocument } from '@toggl-exports/spec-reader';
import { afterAll, expect, inject, it } from 'vitest';
import { CHECKS, type CheckId, EXPECTATIONS, type ToolId, verdict } from '../src/expectations.ts';

export const run = promisify(execFile);
export const specDir = (): string => inject('specDir');
export const workDir = (): string => inject('workDir');
export const specYaml = (): string => path.join(specDir(), 'openapi.yaml');
export const readSpec = async (): Promise<OpenApiDocument> => JSON.parse(await readFile(path.join(specDir(), 'openapi.json'), 'utf8'));

export const credentials = 'ada@example.com:secret';
export const basicAuth = `Basic ${Buffer.from(credentials).toString('base64')}`;

/** A check's outcome: undefined when it passes, else what went wrong. */
export type Outcome = string | undefined;

/**
 * One vitest test per check of `tool`. Each asserts the outcome the expectations table gives the
 * check (pass, or fail for the reason written there), and the file's measured verdict for the
 * tool is written for the run's summary table when the file ends.
 */
export function checksOf(tool: ToolId, implementations: Partial<Record<CheckId, () => Promise<Outcome>>>): void {
  const { checks } = EXPECTATIONS[tool];
  const fails: Partial<Record<CheckId, string>> = EXPECTATIONS[tool].fails;
  const failing: CheckId[] = [];
  const measured = new Set<CheckId>();
  for (const check of checks) {
    const implementation = implementations[check];
    if (!implementation) throw new Error(`${tool}: no implementation of check ${check}`);
    const expectedReason = fails[check];
    const title = `${CHECKS[check]}${expectedReason ? ` (expected to fail: ${expectedReason})` : ''}`;
    it(title, async () => {
      let outcome: Outcome;
      try {
        outcome = await implementation();
      } catch (error) {
        outcome = `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      }
      measured.add(check);
      if (outcome !== undefined) failing.push(check);
      if (expectedReason === undefined) {
        expect(outcome, `${tool}: "${CHECKS[check]}" fails; fix it, or record it in src/expectations.ts with its reason`).toBeUndefined();
      } else {
        expect(
          outcome,
          `${tool}: "${CHECKS[check]}" was expected to fail (${expectedReason}) but passes: remove it from src/expectations.ts`,
        ).toBeDefined();
      }
    });
  }
  // A check that never ran (its file's set-up failed) has no outcome: the tool is then not measured, not "ok".
  afterAll(async () => {
    if (checks.some((check) => !measured.has(check))) return;
    const ordered = checks.filter((check) => failing.includes(check));
    await writeFile(path.join(workDir(), 'verdicts', `${tool}.json`), JSON.stringify({ [tool]: verdict(tool, ordered) }));
  });
}

/** A short list of what failed, for an outcome: the first few problems and how many in all. */
export function problems(list: string[]): Outcome {
  if (list.length === 0) return undefined;
  return `${list.length} problem(s):\n${list.slice(0, 8).join('\n')}${list.length > 8 ? '\n…' : ''}`;
}

/** The operation × format cases, with the spec's example bodies (exportCases). */
export const casesOf = (spec: OpenApiDocument): ExportCase[] => exportCases(spec);

/** The body an ordinary caller sends: only the period (the example's dates where it has them). */
export function ordinaryBody(exportCase: ExportCase): { start_date: string; end_date: string } {
  const { start_date, end_date } = (exportCase.body ?? {}) as { start_date?: unknown; end_date?: unknown };
  return {
    start_date: typeof start_date === 'string' ? start_date : '2026-10-01',
    end_date: typeof end_date === 'string' ? end_date : '2026-10-31',
  };
}

export const caseId = (exportCase: ExportCase): string => `${exportCase.operationId}.${exportCase.format}`;
