// Elementwise arithmetic on matrices of equal shape, and scalar ops.
// Functions return a new matrix; the *InPlace ones overwrite their first argument and return it.

import { Matrix, assertSameShape } from "./matrix";
import { expectMatrix } from "./checks";

export function add(a: Matrix, b: Matrix): Matrix {
  assertSameShape("add", a, b);
  const out = new Matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = a.data[k] + b.data[k];
  return out;
}

export function sub(a: Matrix, b: Matrix): Matrix {
  assertSameShape("sub", a, b);
  const out = new Matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = a.data[k] - b.data[k];
  return out;
}

/** Hadamard (elementwise) product. */
export function mul(a: Matrix, b: Matrix): Matrix {
  assertSameShape("mul", a, b);
  const out = new Matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = a.data[k] * b.data[k];
  return out;
}

export function scale(a: Matrix, s: number): Matrix {
  expectMatrix("scale", "a", a);
  if (typeof s !== "number") throw new Error(`scale: expected s to be a number, got ${typeof s}`);
  const out = new Matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = a.data[k] * s;
  return out;
}

export function square(a: Matrix): Matrix {
  expectMatrix("square", "a", a);
  const out = new Matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = a.data[k] * a.data[k];
  return out;
}

/** Applies f to every element. For one-off maps; the hot paths use their own loops. */
export function map(a: Matrix, f: (v: number) => number): Matrix {
  expectMatrix("map", "a", a);
  if (typeof f !== "function") throw new Error(`map: expected f to be a function, got ${typeof f}`);
  const out = new Matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = f(a.data[k]);
  return out;
}

/** a += b */
export function addInPlace(a: Matrix, b: Matrix): Matrix {
  assertSameShape("addInPlace", a, b);
  for (let k = 0; k < a.data.length; k++) a.data[k] += b.data[k];
  return a;
}

/** a *= s */
export function scaleInPlace(a: Matrix, s: number): Matrix {
  expectMatrix("scaleInPlace", "a", a);
  if (typeof s !== "number") throw new Error(`scaleInPlace: expected s to be a number, got ${typeof s}`);
  for (let k = 0; k < a.data.length; k++) a.data[k] *= s;
  return a;
}

/** a += alpha · b, the gradient-descent update when alpha = −learning rate. */
export function addScaledInPlace(a: Matrix, alpha: number, b: Matrix): Matrix {
  assertSameShape("addScaledInPlace", a, b);
  const ad = a.data, bd = b.data; // locals: V8 does not hoist the property loads out of this hot loop
  for (let k = 0; k < ad.length; k++) ad[k] += alpha * bd[k];
  return a;
}
