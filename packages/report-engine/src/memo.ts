/**
 * The value kept in `map` for `key`, computed the first time it is asked for. The keys of these
 * caches come from requests, so they may not grow without end: a map at `limit` entries first
 * lets go of the one kept longest. (Emptying it instead would make every key new at once, and
 * the next requests would all pay for it together.)
 */
export function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V, limit = Number.POSITIVE_INFINITY): V {
  if (map.has(key)) return map.get(key) as V;
  if (map.size >= limit) map.delete(map.keys().next().value as K);
  const value = compute();
  map.set(key, value);
  return value;
}
