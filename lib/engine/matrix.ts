// A dense row-major 2-D matrix of float64 values, numpy's default dtype.
// Element (i, j) lives at data[i * cols + j].

/** The largest matrix the course allocates: 2^27 float64 values (1 GiB). Bigger shapes are refused before allocating. */
export const MATRIX_MAX_ELEMENTS = 2 ** 27;

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
      throw new Error(`Matrix: expected positive integer shape, got (${describe(rows)},${describe(cols)})`);
    }
    if (rows * cols > MATRIX_MAX_ELEMENTS) {
      throw new Error(`Matrix: shape (${rows},${cols}) has ${rows * cols} values, over the limit of ${MATRIX_MAX_ELEMENTS} (1 GiB of float64)`);
    }
    if (data !== undefined && !(data instanceof Float64Array)) {
      throw new Error(`Matrix: expected data to be a Float64Array of ${rows * cols} values, got ${describe(data)}`);
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`Matrix: shape (${rows},${cols}) needs ${rows * cols} values, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  static filled(rows: number, cols: number, value: number): Matrix {
    return new Matrix(rows, cols, new Float64Array(rows * cols).fill(value));
  }

  /** From nested arrays, e.g. Matrix.from([[1, 2], [3, 4]]). */
  static from(values: readonly (readonly number[])[]): Matrix {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) {
      throw new Error(`Matrix.from: expected values to be an array of arrays of numbers, got ${describe(values)}`);
    }
    const rows = values.length;
    const cols = rows > 0 ? values[0].length : 0;
    if (rows < 1 || cols < 1) throw new Error(`Matrix.from: expected at least one row and one column, got shape (${rows},${cols})`);
    const m = new Matrix(rows, cols);
    values.forEach((row, i) => {
      if (row.length !== cols) {
        throw new Error(`Matrix.from: row 0 has ${cols} values but row ${i} has ${row.length}`);
      }
      row.forEach((v: unknown, j: number) => {
        if (typeof v !== "number") throw new Error(`Matrix.from: expected numbers, got ${describe(v)} at [${i},${j}]`);
      });
      m.data.set(row, i * cols);
    });
    return m;
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  get size(): number {
    return this.data.length;
  }

  get(i: number, j: number): number {
    this.checkIndex("get", i, j);
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, value: number): void {
    this.checkIndex("set", i, j);
    this.data[i * this.cols + j] = value;
  }

  // Without this, get(0, cols) would quietly read the next row's first element.
  private checkIndex(op: string, i: number, j: number): void {
    if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < this.rows && j < this.cols)) {
      throw new Error(`Matrix.${op}: index [${i},${j}] is out of bounds for shape (${this.rows},${this.cols})`);
    }
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }

  row(i: number): Float64Array {
    if (!(Number.isInteger(i) && i >= 0 && i < this.rows)) {
      throw new Error(`Matrix.row: row index ${describe(i)} is out of bounds for shape (${this.rows},${this.cols})`);
    }
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  toString(): string {
    return `Matrix${shapeString(this)}`;
  }
}

/** numpy-style shape text: "(128,1000)". */
export function shapeString(m: { rows: number; cols: number }): string {
  if (m === null || typeof m !== "object") throw new Error(`shapeString: expected a Matrix (or anything with rows and cols), got ${describe(m)}`);
  return `(${m.rows},${m.cols})`;
}

export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (!(a instanceof Matrix) || !(b instanceof Matrix)) {
    throw new Error(`${op}: expected two Matrices, got ${describe(a)} and ${describe(b)}`);
  }
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${op}: operands could not be broadcast together with shapes ${shapeString(a)} ${shapeString(b)}`);
  }
}

export function assertShape(what: string, m: Matrix, rows: number, cols: number): void {
  if (!(m instanceof Matrix)) {
    throw new Error(`${what}: expected a Matrix of shape (${rows},${cols}), got ${describe(m)}`);
  }
  if (m.rows !== rows || m.cols !== cols) {
    throw new Error(`${what}: expected shape (${rows},${cols}), got ${shapeString(m)}`);
  }
}

/** Throws if any value is NaN or ±Infinity, naming where the first one sits. */
export function assertFinite(what: string, m: Matrix): void {
  if (!(m instanceof Matrix)) throw new Error(`${what}: expected a Matrix, got ${describe(m)}`);
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      const i = Math.floor(k / m.cols);
      const j = k % m.cols;
      throw new Error(`${what}: expected finite values, got ${d[k]} at [${i},${j}] of a ${shapeString(m)} matrix`);
    }
  }
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "number") return String(x);
  if (typeof x === "string") return `string ${JSON.stringify(x)}`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  return typeof x === "object" ? `a ${(x as object).constructor?.name ?? "object"}` : `${typeof x} ${String(x)}`;
}
