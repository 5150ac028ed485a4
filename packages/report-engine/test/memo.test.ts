import { expect, it } from 'vitest';
import { remembered } from '../src/memo.ts';

it('computes a value once and keeps it', () => {
  const map = new Map<string, number>();
  let computed = 0;
  const value = (key: string) => remembered(map, key, () => ++computed);
  expect([value('a'), value('a'), value('b'), value('a')]).toEqual([1, 1, 2, 1]);
  expect(computed).toBe(2);
});

it('at its limit, lets go of the value kept longest and keeps the others', () => {
  const map = new Map<number, string>();
  for (const key of [1, 2, 3, 4]) remembered(map, key, () => `v${key}`, 3);
  expect([...map.keys()]).toEqual([2, 3, 4]);
  let computed = 0;
  remembered(map, 3, () => String(++computed), 3);
  expect(computed).toBe(0);
  remembered(map, 1, () => String(++computed), 3);
  expect([...map.entries()]).toEqual([
    [3, 'v3'],
    [4, 'v4'],
    [1, '1'],
  ]);
});

it('at a larger limit, lets go of the tenth kept longest at once, and computes each key again only once it is gone', () => {
  const map = new Map<number, number>();
  let computed = 0;
  for (let key = 0; key < 100; key += 1) remembered(map, key, () => ++computed, 100);
  remembered(map, 100, () => ++computed, 100);
  expect([...map.keys()]).toEqual(Array.from({ length: 91 }, (_, index) => index + 10));
  remembered(map, 10, () => ++computed, 100);
  remembered(map, 9, () => ++computed, 100);
  expect(computed).toBe(102);
});
