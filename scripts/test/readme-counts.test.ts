// The READMEs say how many exports there are in words ("the twelve endpoints"): each such count
// must be the number of export operations in the bundled spec, so adding one cannot leave a stale
// number behind.
import { readdirSync, readFileSync } from 'node:fs';
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

const readmes = ['README.md', ...readdirSync(path.join(repoRoot, 'packages')).map((name) => `packages/${name}/README.md`)].filter(
  (file) => {
    try {
      readFileSync(path.join(repoRoot, file));
      return true;
    } catch {
      return false;
    }
  },
);

it.each(readmes)('%s counts the exports as the spec has them', (file) => {
  const expected = readExportOperations(bundledSpec()).length;
  const counts = [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(COUNT)].map(
    (match) => `${match[0]} (${NUMBER_WORDS.indexOf((match[1] as string).toLowerCase())})`,
  );
  expect(counts.filter((count) => !count.endsWith(`(${expected})`))).toEqual([]);
});
