/** Nearest-rank percentile (0 < p <= 100) of the values, which are sorted in place. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
}

export const median = (values: number[]) => percentile(values, 50);

export interface Summary {
  count: number;
  median: number;
  p99: number;
}

export const summarize = (values: number[]): Summary => ({ count: values.length, median: median(values), p99: percentile(values, 99) });
