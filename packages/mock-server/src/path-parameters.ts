import type { PrismOperation } from './prism.ts';

/*
 * The path parameters of a request, read from its operation's path template, as the mock reads
 * them for itself (Prism reads them again for its validation).
 */

const patterns = new Map<string, RegExp>();

/** A pattern that reads the path parameters of a request from an operation's path template. */
function pathPattern(template: string): RegExp {
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+?)');
  return new RegExp(`^${source}$`);
}

/** The raw (still percent-encoded) path parameters of `path` by the operation's template; undefined when it does not match. */
export function pathParametersOf(operation: Pick<PrismOperation, 'path'>, path: string): Record<string, string> | undefined {
  let pattern = patterns.get(operation.path);
  if (!pattern) {
    pattern = pathPattern(operation.path);
    patterns.set(operation.path, pattern);
  }
  const match = pattern.exec(path);
  return match ? { ...match.groups } : undefined;
}

/** A `%` not followed by two hex digits: a path no URL parser decodes, which Go's server (Toggl's) refuses with 400. */
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

export const hasMalformedEscape = (path: string): boolean => MALFORMED_ESCAPE.test(path);

/** A path segment decoded, or undefined when it is not valid percent-encoding. */
export function decodedSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * A workspace ID as a path names it: decimal digits without a sign, leading zeros, a point or an
 * exponent, and small enough to be held exactly. Prism's parameter check takes `016`, `1e3`,
 * `0x10` or `16.0` for integers; Toggl's IDs are plain decimal, and the mock keeps one spelling
 * per workspace (the quota counts by it). IDs past 2^53 are refused too (DEVIATIONS.md #41).
 */
export function workspaceIdIn(raw: string): number | undefined {
  const decoded = decodedSegment(raw);
  if (decoded === undefined || !/^[1-9][0-9]*$/.test(decoded)) return undefined;
  const id = Number(decoded);
  return Number.isSafeInteger(id) ? id : undefined;
}
