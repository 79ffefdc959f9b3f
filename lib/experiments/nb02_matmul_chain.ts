// A vector multiplied again and again by the same random matrix: depth without any nonlinearity or training.
// After fast.ai's course (part 2, notebook 02b), which did it in float32; here float64, or float32 storage on request.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { matmul } from "../engine/matmul";
import { std } from "../engine/reductions";
import { checkOptions } from "../engine/checks";

export interface MatmulChainOptions {
  /** The matrix is (size, size); the vector starts as size draws from N(0, 1). */
  size: number;
  products: number;
  /** Entries of the matrix are N(0, scale²). */
  scale: number;
  seed: number;
  /** Round every product to float32, as a GPU would store it. */
  float32?: boolean;
}

export interface MatmulChainResult {
  /** std[i] is the std of the vector after i + 1 products; null once a value is no longer finite. */
  std: (number | null)[];
  /** First product (counted from 1) after which some value is ±Infinity or NaN, or null. */
  firstNonFinite: number | null;
  /** First product after which every value is exactly 0, or null. */
  firstAllZero: number | null;
}

export function matmulChain(options: MatmulChainOptions): MatmulChainResult {
  checkOptions("matmulChain", "options", options);
  const { size, products, scale, seed, float32 = false } = options;
  if (!Number.isInteger(size) || size < 1) throw new Error(`matmulChain: expected a positive integer size, got ${size}`);
  if (!Number.isInteger(products) || products < 1) throw new Error(`matmulChain: expected a positive integer number of products, got ${products}`);
  if (!(Number.isFinite(scale) && scale > 0)) throw new Error(`matmulChain: expected a positive finite scale, got ${scale}`);
  const rng = new Rng(seed);
  let x: Matrix = rng.randn(1, size);
  const w = rng.randn(size, size, scale);
  const result: MatmulChainResult = { std: [], firstNonFinite: null, firstAllZero: null };
  for (let i = 1; i <= products; i++) {
    x = matmul(x, w); // (1, size) · (size, size): the row-vector form of W·x
    if (float32) for (let k = 0; k < x.data.length; k++) x.data[k] = Math.fround(x.data[k]);
    const finite = x.data.every(Number.isFinite);
    result.std.push(finite ? std(x) : null);
    if (!finite && result.firstNonFinite === null) result.firstNonFinite = i;
    if (result.firstAllZero === null && x.data.every((v) => v === 0)) result.firstAllZero = i;
  }
  return result;
}
