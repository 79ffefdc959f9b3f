// Argument checks for the public boundary: each throws an Error that names the argument, what was expected and what
// came. Called once at a function's entry, never in inner loops.

import { MATRIX_MAX_ELEMENTS, Matrix, shapeString } from "./matrix";

export const MAX_MATRIX_ELEMENTS = MATRIX_MAX_ELEMENTS;

/** A short description of what came, for error messages: "null", "string \"abc\"", "an Array of length 3", "Matrix(2,3)". */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (x instanceof Matrix) return `Matrix${shapeString(x)}`;
  if (Array.isArray(x)) return `an Array of length ${x.length}`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name} of length ${(x as unknown as ArrayLike<number>).length}`;
  if (typeof x === "string") return `string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + "…" : x)}`;
  if (typeof x === "object") return `a ${(x as object).constructor?.name ?? "object"}`;
  if (typeof x === "function") return "a function";
  return `${typeof x} ${String(x)}`;
}

export function expectMatrix(where: string, name: string, m: unknown): asserts m is Matrix {
  if (!(m instanceof Matrix)) throw new Error(`${where}: expected ${name} to be a Matrix, got ${describeValue(m)}`);
}

export function expectArrayLike(where: string, name: string, x: unknown): asserts x is ArrayLike<number> {
  if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    throw new Error(`${where}: expected ${name} to be an array of numbers, got ${describeValue(x)}`);
  }
}

/** Throws unless x is an array (of anything: runs, series, names). */
export function checkArray(where: string, name: string, x: unknown): void {
  if (!Array.isArray(x)) throw new Error(`${where}: expected ${name} to be an array, got ${describeValue(x)}`);
}

/** Like expectObject, without narrowing the caller's type (for typed option objects). */
export function checkOptions(where: string, name: string, o: unknown): void {
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new Error(`${where}: expected ${name} to be an object, got ${describeValue(o)}`);
}

/** Checks a Figure-like {data: [...], layout: {...}} argument. */
export function checkFigureArg(where: string, name: string, fig: unknown): void {
  const f = fig as { data?: unknown; layout?: unknown } | null;
  if (f === null || typeof f !== "object" || !Array.isArray(f.data) || f.layout === null || typeof f.layout !== "object") {
    throw new Error(`${where}: expected ${name} to be a Figure {data: Trace[], layout: Layout}, got ${describeValue(fig)}`);
  }
}

export function expectObject(where: string, name: string, o: unknown): asserts o is Record<string, unknown> {
  if (o === null || typeof o !== "object") throw new Error(`${where}: expected ${name} to be an object, got ${describeValue(o)}`);
}

export function expectFiniteNumber(where: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new Error(`${where}: expected ${name} to be a finite number, got ${describeValue(x)}`);
}

export function expectPositiveNumber(where: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== "number" || !Number.isFinite(x) || x <= 0) {
    throw new Error(`${where}: expected ${name} to be a positive finite number, got ${describeValue(x)}`);
  }
}

export function expectInteger(where: string, name: string, x: unknown, min: number, max = Number.MAX_SAFE_INTEGER): asserts x is number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new Error(`${where}: expected ${name} to be an integer ${range}, got ${describeValue(x)}`);
  }
}

export function expectPositiveInteger(where: string, name: string, x: unknown, max?: number): asserts x is number {
  expectInteger(where, name, x, 1, max);
}

export function expectBoolean(where: string, name: string, x: unknown): asserts x is boolean | undefined {
  if (x !== undefined && typeof x !== "boolean") throw new Error(`${where}: expected ${name} to be true or false, got ${describeValue(x)}`);
}

export function expectOneOf<T extends string>(where: string, name: string, x: unknown, allowed: readonly T[]): asserts x is T {
  if (typeof x !== "string" || !allowed.includes(x as T)) {
    throw new Error(`${where}: expected ${name} to be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describeValue(x)}`);
  }
}

export function expectSameShape(where: string, nameA: string, a: unknown, nameB: string, b: unknown): void {
  expectMatrix(where, nameA, a);
  expectMatrix(where, nameB, b);
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${where}: ${nameA} and ${nameB} must have the same shape, got ${shapeString(a)} and ${shapeString(b)}`);
  }
}

/** rows × cols must stay under MAX_MATRIX_ELEMENTS; says so before anything is allocated. */
export function expectAllocatable(where: string, what: string, rows: number, cols: number): void {
  if (rows * cols > MAX_MATRIX_ELEMENTS) {
    throw new Error(`${where}: ${what} of shape (${rows},${cols}) has ${rows * cols} values, over the limit of ${MAX_MATRIX_ELEMENTS} (1 GiB of float64)`);
  }
}

/** Index of the first NaN or ±Infinity in `data`, or -1. */
export function firstNonFinite(data: ArrayLike<number>): number {
  if (allFinite(data)) return -1;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v - v !== 0) return k; // NaN − NaN and ∞ − ∞ are NaN; a finite v − v is 0
  }
  return -1;
}

// The training loops scan every weight and gradient each step, so this runs often: a branch-free sum of v·0
// (0 for a finite v, NaN for NaN or ±∞) over four accumulators is about 3× faster than testing each value.
function allFinite(data: ArrayLike<number>): boolean {
  const n = data.length, n4 = n - (n % 4);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let k = 0; k < n4; k += 4) {
    s0 += data[k] * 0;
    s1 += data[k + 1] * 0;
    s2 += data[k + 2] * 0;
    s3 += data[k + 3] * 0;
  }
  for (let k = n4; k < n; k++) s0 += data[k] * 0;
  return s0 + s1 + s2 + s3 === 0;
}
