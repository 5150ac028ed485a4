/**
 * The value kept in `map` for `key`, computed the first time it is asked for. The keys of these
 * caches come from requests, so they may not grow without end: a map at `limit` entries first
 * lets go of the tenth of them kept longest. (Emptying it instead would make every key new at
 * once, and the next requests would all pay for it together. Letting go of one key at a time
 * made every new key cost microseconds: a Map's iteration steps over each entry deleted from its
 * front since it last compacted, so the first key took longer to find the more had gone.)
 */
export function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V, limit = Number.POSITIVE_INFINITY): V {
  const kept = map.get(key);
  if (kept !== undefined || map.has(key)) return kept as V;
  if (map.size >= limit) forgetOldest(map, Math.max(1, Math.floor(limit / 10)));
  const value = compute();
  map.set(key, value);
  return value;
}

function forgetOldest<K>(map: Map<K, unknown>, count: number): void {
  let left = count;
  for (const key of map.keys()) {
    map.delete(key);
    if (--left === 0) return;
  }
}
