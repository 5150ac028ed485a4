/** Strings longer than this are cut in messages, so that a huge value cannot make a huge message. */
const SHOWN_STRING_LENGTH = 60;

/** A value as a message shows it: strings and numbers as written, anything bigger by what it is. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > SHOWN_STRING_LENGTH ? `${value.slice(0, SHOWN_STRING_LENGTH)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export const oneOfList = (allowed: readonly unknown[]): string => `one of ${allowed.map(String).join(', ')}`;

/** `grouping must be one of projects, users, clients; got "x"`. */
export const mustBe = (subject: string, allowed: string, value: unknown): string =>
  `${subject} must be ${allowed}; got ${shownValue(value)}`;
