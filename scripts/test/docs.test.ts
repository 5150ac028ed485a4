import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readExportOperations } from '@toggl-exports/spec-reader';
import { bundledSpec, seedEndpoints } from '@toggl-exports/spec-reader/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LANGUAGES, withCodeSamples } from '../src/code-samples.ts';
import { buildDocs } from '../src/docs.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const operations = readExportOperations(withCodeSamples(bundledSpec())).map(({ operationId, operation }) => ({
  operationId,
  summary: String(operation.summary),
  tags: operation.tags as string[],
  samples: operation['x-codeSamples'] as { label: string; source: string }[],
}));
const badgeLogo = /^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg$/;

describe('rendered API docs', () => {
  let dir: string;
  let page: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'toggl-exports-docs-'));
    page = await buildDocs(path.join(dir, 'index.html'));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is one HTML file', async () => {
    expect((await stat(page)).size).toBeGreaterThan(100_000);
  });

  it('lists and opens every operation with the network blocked', async () => {
    const context = await browser.newContext();
    const outbound: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      outbound.push(url);
      return route.abort();
    });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);

    expect(operations.map(({ operationId }) => operationId).sort()).toEqual(
      seedEndpoints()
        .map(({ operationId }) => operationId)
        .sort(),
    );
    for (const {
      summary,
      tags: [tag],
    } of operations) {
      const link = tab.getByRole('link', { name: summary }).first();
      if (!(await link.isVisible())) await tab.getByText(tag!, { exact: true }).first().click();
      await link.click({ timeout: 10_000 });
      const heading = tab.locator('h2').getByText(summary, { exact: true });
      await expect.poll(() => heading.isVisible(), { timeout: 10_000, message: summary }).toBe(true);
    }
    // Redoc's "API docs by" badge asks for a logo and hides itself when that fails; nothing else may go out.
    expect(outbound.filter((url) => !badgeLogo.test(url))).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a cURL, a TypeScript and a Python sample for every operation', async () => {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await tab.goto(pathToFileURL(page).href);
    const labels = SAMPLE_LANGUAGES.map(({ label }) => label);
    expect(labels).toEqual(['cURL', 'TypeScript', 'Python']);
    for (const {
      summary,
      tags: [tag],
      samples,
    } of operations) {
      const link = tab.getByRole('link', { name: summary }).first();
      if (!(await link.isVisible())) await tab.getByText(tag!, { exact: true }).first().click();
      await link.click({ timeout: 10_000 });
      const section = tab.locator('[data-item-kind="httpItem"]').filter({ has: tab.locator('h2').getByText(summary, { exact: true }) });
      // The right panel's language menu: its button names the language shown, its items every language offered.
      const menu = section.getByRole('button', { name: new RegExp(`^(${labels.join('|')})$`) });
      for (const label of labels) {
        // In the middle of the window, so that the menu opens below it within the window, however
        // far Redoc's scrolling to the operation got (on a busy machine it can stop with the
        // button at the bottom edge, and the menu's items out of the window).
        await menu.evaluate((button) => button.scrollIntoView({ block: 'center' }));
        await menu.click({ timeout: 10_000 });
        const items = tab.getByRole('menuitem');
        await expect.poll(() => items.allTextContents(), { timeout: 10_000, message: summary }).toEqual(labels);
        await items.getByText(label, { exact: true }).click();
        const source = samples.find((sample) => sample.label === label)!.source.trimEnd();
        const shown = section.locator('pre').filter({ hasText: source.split('\n')[0]! });
        await expect
          .poll(async () => (await shown.allTextContents()).map((text) => text.trimEnd()), {
            timeout: 10_000,
            message: `${summary}: ${label}`,
          })
          .toEqual([source]);
      }
    }
    await tab.close();
  }, 120_000);
});
