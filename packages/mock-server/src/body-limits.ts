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
  /**
   * Where a number too large for JSON's numbers is (`1e999999` parses to Infinity, which the
   * schema validator would take for an integer), as a field name such as `page_size`; `''` for
   * the body itself. Looked for in the whole body, the parts cut off included.
   */
  nonFinite?: string;
}

/** A list or object still to look at; only containers are visited, as only they can be cut. */
interface Visit {
  value: object;
  key: string | number;
  parent: Visit | undefined;
  /** Whether it is in the part Prism checks; one cut off is only looked through for numbers. */
  kept: boolean;
}

const pathOf = (visit: Visit): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
};

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;
const isNonFinite = (value: unknown): boolean => typeof value === 'number' && !Number.isFinite(value);

/**
 * Prism reports every problem it finds, and its time grows with their number: a 1 MiB body can
 * hold half a million bad list items and keep it busy for seconds. The mock answers one problem
 * at a time, so Prism gets each list cut to `maxListItems` items and each object to its first
 * `maxCheckedFields` fields. The cut objects lose nothing: in a closed object the first unknown
 * field is among the kept ones, and an open one (saved reports) accepts any fields. The cut
 * lists are answered with a 400 unless Prism finds a problem in the part it checked.
 * The same walk looks for numbers JSON cannot hold, and stops at the first it finds, whose path
 * is the only one it builds. Changes `body` in place (it is freshly parsed); walks it without
 * recursion, as it may be nested hundreds of thousands of levels deep.
 */
export function limitBody(body: unknown): LimitedBody {
  if (isNonFinite(body)) return { body, nonFinite: '' };
  let cutList: string | undefined;
  const pending: Visit[] = isContainer(body) ? [{ value: body, key: '', parent: undefined, kept: true }] : [];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value, kept } = visit;
    // Children are pushed last first, so that they are visited in their order.
    let nonFinite: string | number | undefined;
    if (Array.isArray(value)) {
      const keep = kept ? maxListItems : value.length;
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        if (isContainer(item)) pending.push({ value: item, key: index, parent: visit, kept: kept && index < keep });
        else if (isNonFinite(item)) nonFinite = index;
      }
      if (value.length > keep) {
        value.length = keep;
        cutList ??= fieldName(pathOf(visit));
      }
    } else {
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object);
      const keep = kept ? maxCheckedFields : keys.length;
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string;
        const field = object[key];
        if (isContainer(field)) pending.push({ value: field, key, parent: visit, kept: kept && index < keep });
        else if (isNonFinite(field)) nonFinite = key;
        if (index >= keep) delete object[key];
      }
    }
    if (nonFinite !== undefined) return { body, nonFinite: fieldName([...pathOf(visit), nonFinite]) };
  }
  return cutList === undefined ? { body } : { body, cutList };
}
