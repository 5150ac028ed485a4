import { mustBe, oneOfList } from './wording.ts';

/** Whether `value` is one of `allowed`; a JavaScript caller can pass anything where the types say otherwise. */
const isOneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);

/** Why `value` is not one of `allowed`, naming it `name`; undefined when it is. */
export const choiceProblem = (name: string, value: unknown, allowed: readonly string[]): string | undefined =>
  isOneOf(value, allowed) ? undefined : mustBe(name, oneOfList(allowed), value);
