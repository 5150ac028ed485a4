import { fieldName } from './toggl-messages.ts';

/** Most items of one list the mock checks; a longer list gets a 400 naming it (README, "Limits"). */
export const maxListItems = 1000;
/** Objects are cut to this many fields before they are checked: more than any schema of the spec has. */
const maxCheckedFields = 1000;

export interface LimitedBody {
  /** The body with long lists and objects cut short: what Prism checks. */
  body: unknown;
  /** Where the first list that was cut is, as a field name such as `client_ids`. */
  cutList?: string;
}

/** A list or object still to look at; only containers are visited, as only they can be cut. */
interface Visit {
  value: object;
  key: string | number;
  parent: Visit | undefined;
}

const pathOf = (visit: Visit): string[] => {
  const path: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.unshift(String(at.key));
  return path;
};

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Prism reports every problem it finds, and its time grows with their number: a 1 MiB body can
 * hold half a million bad list items and keep it busy for seconds. The mock answers one problem
 * at a time, so Prism gets each list cut to `maxListItems` items and each object to its first
 * `maxCheckedFields` fields. The cut objects lose nothing: in a closed object the first unknown
 * field is among the kept ones, and an open one (saved reports) accepts any fields. The cut
 * lists are answered with a 400 unless Prism finds a problem in the part it checked.
 * Changes `body` in place (it is freshly parsed); walks it without recursion, as it may be
 * nested hundreds of thousands of levels deep.
 */
export function limitBody(body: unknown): LimitedBody {
  let cutList: string | undefined;
  const pending: Visit[] = isContainer(body) ? [{ value: body, key: '', parent: undefined }] : [];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (Array.isArray(value)) {
      if (value.length > maxListItems) {
        value.length = maxListItems;
        cutList ??= fieldName(pathOf(visit));
      }
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        if (isContainer(item)) pending.push({ value: item, key: index, parent: visit });
      }
    } else {
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object);
      for (const key of keys.slice(maxCheckedFields)) delete object[key];
      for (const key of keys.slice(0, maxCheckedFields).reverse()) {
        const field = object[key];
        if (isContainer(field)) pending.push({ value: field, key, parent: visit });
      }
    }
  }
  return cutList === undefined ? { body } : { body, cutList };
}
