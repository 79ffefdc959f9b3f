// The x values of a per-step curve: one number per recorded step.

/** first, first + 1, …, first + count − 1: step numbers for `count` recorded steps (first = 1 for a log axis). */
export function stepAxis(count: number, first = 0): number[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`stepAxis: expected a non-negative integer count, got ${count}`);
  if (!Number.isFinite(first)) throw new Error(`stepAxis: expected a finite first step, got ${first}`);
  return Array.from({ length: count }, (_, t) => first + t);
}
