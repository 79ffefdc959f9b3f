// Shape rules shared by every matmul kernel, with numpy-style error messages.

import { Matrix, shapeString } from "./matrix";
import { describeValue } from "./checks";

export interface MatmulOptions {
  /** Use Aᵀ instead of A, without building Aᵀ. */
  transA?: boolean;
  /** Use Bᵀ instead of B, without building Bᵀ. */
  transB?: boolean;
}

/** Returns [m, k, n] for op(A)(m,k) · op(B)(k,n), or throws naming both shapes. */
export function matmulDims(op: string, a: Matrix, b: Matrix, transA = false, transB = false): [number, number, number] {
  if (!(a instanceof Matrix) || !(b instanceof Matrix)) {
    throw new Error(`${op}: expected two Matrix operands, got ${typeName(a)} and ${typeName(b)}`);
  }
  if (typeof transA !== "boolean" || typeof transB !== "boolean") {
    throw new Error(`${op}: expected options transA and transB to be true or false, got ${describeValue(transA)} and ${describeValue(transB)}`);
  }
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  if (k !== kb) {
    const left = transA ? `${shapeString(a)}ᵀ` : shapeString(a);
    const right = transB ? `${shapeString(b)}ᵀ` : shapeString(b);
    throw new Error(
      `${op}: shapes ${left} and ${right} not aligned: ${k} (dim 1 of the left) != ${kb} (dim 0 of the right)`,
    );
  }
  return [m, k, n];
}

export function checkOutput(op: string, out: Matrix, m: number, n: number, a: Matrix, b: Matrix): void {
  if (out.rows !== m || out.cols !== n) {
    throw new Error(`${op}: output has shape ${shapeString(out)}, expected (${m},${n})`);
  }
  // Any overlap, not only the same array: a view into A's buffer would be overwritten while A is still being read.
  for (const [name, operand] of [["A", a], ["B", b]] as const) {
    if (overlaps(out.data, operand.data)) {
      throw new Error(`${op}: the output shares memory with operand ${name} (bytes ${out.data.byteOffset}–${out.data.byteOffset + out.data.byteLength} ` +
        `and ${operand.data.byteOffset}–${operand.data.byteOffset + operand.data.byteLength} of one buffer); write into a separate matrix`);
    }
  }
}

/** Whether two arrays view overlapping bytes of the same buffer. */
export function overlaps(x: Float64Array, y: Float64Array): boolean {
  return x.buffer === y.buffer && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

function typeName(x: unknown): string {
  return x instanceof Object ? x.constructor.name : String(x);
}
