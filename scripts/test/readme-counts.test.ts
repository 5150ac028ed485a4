// The READMEs and the changesets say how many exports there are in words ("the twelve endpoints"): each such count
// must be the number of export operations in the bundled spec, so adding one cannot leave a stale
// number behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readExportOperations } from '@toggl-exports/spec-reader';
import { bundledSpec } from '@toggl-exports/spec-reader/testing';
import { expect, it } from 'vitest';
import { repoRoot } from '../src/repo-paths.ts';

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const COUNT = new RegExp(
  `\\b(${NUMBER_WORDS.join('|')})\\s+(?:\`POST\`\\s+)?(?:report\\s+)?(?:export\\s+)?(endpoints|exports|operations)\\b`,
  'gi',
);

/**
 * Every text of ours that counts all the exports: the READMEs and the pending changesets.
 * (spec/DEVIATIONS.md counts groups of them, such as "two endpoints each", so it is not among them.)
 */
const texts = [
  'README.md',
  ...['packages', 'tools', 'e2e'].flatMap((folder) =>
    readdirSync(path.join(repoRoot, folder)).map((name) => `${folder}/${name}/README.md`),
  ),
  ...readdirSync(path.join(repoRoot, '.changeset'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `.changeset/${name}`),
].filter((file) => existsSync(path.join(repoRoot, file)));

it('finds the texts that count the exports', () => {
  expect(texts).toEqual(expect.arrayContaining(['README.md', 'packages/client/README.md', 'packages/mock-server/README.md']));
});

it.each(texts)('%s counts the exports as the spec has them', (file) => {
  const expected = readExportOperations(bundledSpec()).length;
  const counts = [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(COUNT)].map(
    (match) => `${match[0]} (${NUMBER_WORDS.indexOf((match[1] as string).toLowerCase())})`,
  );
  expect(counts.filter((count) => !count.endsWith(`(${expected})`))).toEqual([]);
});
