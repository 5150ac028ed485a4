/**
 * The value kept in `map` for `key`, computed the first time it is asked for. A map that reaches
 * `limit` entries is emptied first: the keys of these caches come from requests, so they may not
 * grow without end.
 */
export function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V, limit = Number.POSITIVE_INFINITY): V {
  if (map.has(key)) return map.get(key) as V;
  if (map.size >= limit) map.clear();
  const value = compute();
  map.set(key, value);
  return value;
}
