// The .npy reader against files numpy wrote (data/parity/, made by scripts/make_parity_fixtures.py)
// and against broken files written here, one per way a file can be wrong.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Matrix } from "../../lib/engine/matrix";
import { encodeNpy, parseNpy, readNpy, readNpyMatrix } from "../../lib/data/npy";

// Compiled to build/test/data/, so the repository root is three levels up.
const ROOT = path.resolve(__dirname, "../../..");
const SAMPLES = path.join(ROOT, "data/parity/npy_format");
const sample = (name: string) => path.join(SAMPLES, name);

// The (2,3) matrix the fixture script saves in several layouts: np.arange(6).reshape(2,3)/4 − 0.5, exact in binary.
const M = [
  [-0.5, -0.25, 0],
  [0.25, 0.5, 0.75],
];

/** A .npy file's bytes with any header text and payload, built by the spec, to make broken files on purpose. */
function npyBytes(header: string, payload: Uint8Array, version = 1): Uint8Array {
  const lengthBytes = version === 1 ? 2 : 4;
  const padded = header + " ".repeat((64 - ((8 + lengthBytes + header.length + 1) % 64)) % 64) + "\n";
  const out = new Uint8Array(8 + lengthBytes + padded.length + payload.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  for (let i = 0; i < padded.length; i++) out[8 + lengthBytes + i] = padded.charCodeAt(i);
  out.set(payload, 8 + lengthBytes + padded.length);
  return out;
}

const f8 = (values: number[]) => new Uint8Array(new Float64Array(values).buffer); // little-endian on x86/arm hosts

test("reads numpy's v1.0 and v2.0 files of a (2,3) '<f8' matrix", () => {
  for (const name of ["matrix_v1.npy", "matrix_v2.npy"]) {
    const m = readNpyMatrix(sample(name));
    assert.deepEqual(m.shape, [2, 3], name);
    assert.deepEqual(m.toArray(), M, name);
  }
});

test("a 1-D array (n,) becomes a (1,n) row, and readNpy keeps its real shape", () => {
  assert.deepEqual(readNpy(sample("row_1d.npy")).shape, [3]);
  const m = readNpyMatrix(sample("row_1d.npy"));
  assert.deepEqual(m.shape, [1, 3]);
  assert.deepEqual(Array.from(m.data), [1.5, -2, 3.25]);
});

test("reads the parity inputs numpy wrote: x is (128,1000) standard normal draws", () => {
  const x = readNpyMatrix(path.join(ROOT, "data/parity/x.npy"), [128, 1000]);
  let sum = 0;
  let sumSq = 0;
  for (const v of x.data) {
    sum += v;
    sumSq += v * v;
  }
  const n = x.size;
  const mean = sum / n;
  const std = Math.sqrt(sumSq / n - mean * mean);
  // 128000 N(0,1) draws: the mean's standard error is 0.0028, the std's 0.002. Misread bytes would be far off.
  assert.ok(Math.abs(mean) < 0.015, `mean ${mean}`);
  assert.ok(Math.abs(std - 1) < 0.01, `std ${std}`);
});

test("encodeNpy writes the same bytes as numpy's np.save, and reads back exactly", () => {
  const m = Matrix.from(M);
  assert.deepEqual(Buffer.from(encodeNpy(m)), readFileSync(sample("matrix_v1.npy")));
  const odd = Matrix.from([[Math.PI, -1e-300, 1.7976931348623157e308, -0]]);
  const back = parseNpy(encodeNpy(odd), "odd");
  assert.deepEqual(back.shape, [1, 4]);
  assert.ok(Object.is(back.data[3], -0));
  assert.deepEqual(Array.from(back.data), Array.from(odd.data));
});

test("refuses numpy's files in layouts it does not read, naming the file and what it found", () => {
  assert.throws(() => readNpyMatrix(sample("matrix_fortran.npy")), (e: Error) => {
    assert.match(e.message, /matrix_fortran\.npy/);
    assert.match(e.message, /Fortran \(column-major\) order; expected C order/);
    return true;
  });
  assert.throws(() => readNpyMatrix(sample("matrix_big_endian.npy")), /matrix_big_endian\.npy: unsupported dtype '>f8' \(expected '<f8'/);
  assert.throws(() => readNpyMatrix(sample("matrix_int64.npy")), /matrix_int64\.npy: unsupported dtype '<i8' \(expected '<f8'/);
});

test("clear errors for missing, foreign, truncated and malformed files", (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "npy-test-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const good = encodeNpy(Matrix.from(M));
  const header23 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";

  const missing = path.join(dir, "nope.npy");
  assert.throws(() => readNpy(missing), new RegExp(`${escape(missing)}: cannot read the file: no such file`));
  assert.throws(() => readNpy(dir), /cannot read the file: it is a directory/);

  assert.throws(() => readNpy(file("text.npy", "x,y\n1,2\n")), /text\.npy: not a \.npy file: expected the magic string \\x93NUMPY at byte 0, got "x,y\\x0a1,"/);
  assert.throws(() => readNpy(file("empty.npy", "")), /empty\.npy: not a \.npy file: .*got an empty file/);
  assert.throws(() => readNpy(file("magic_only.npy", good.subarray(0, 7))), /magic_only\.npy: truncated header: the file ends after 7 bytes/);
  assert.throws(() => readNpy(file("half_header.npy", good.subarray(0, 40))), /half_header\.npy: truncated header: it should be 118 bytes long but only 30 follow/);

  const v4 = good.slice();
  v4[6] = 4;
  assert.throws(() => readNpy(file("v4.npy", v4)), /v4\.npy: unsupported \.npy format version 4\.0 \(expected 1\.0, 2\.0 or 3\.0\)/);

  assert.throws(
    () => readNpy(file("short_data.npy", good.subarray(0, good.length - 8))),
    /short_data\.npy: truncated data: shape \(2,3\) of '<f8' needs 48 bytes after the header, got 40/,
  );
  const long = new Uint8Array(good.length + 3);
  long.set(good);
  assert.throws(() => readNpy(file("long_data.npy", long)), /long_data\.npy: 3 unexpected bytes after the data/);

  assert.throws(
    () => readNpy(file("garbled.npy", npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3}", f8([1, 2, 3, 4, 5, 6])))),
    /garbled\.npy: malformed header .*expected ',' or '\)'/,
  );
  assert.throws(
    () => readNpy(file("no_shape.npy", npyBytes("{'descr': '<f8', 'fortran_order': False}", f8([1])))),
    /no_shape\.npy: malformed header .*the key 'shape' is missing/,
  );
  assert.throws(
    () => readNpy(file("structured.npy", npyBytes("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", f8([1])))),
    /structured\.npy: unsupported dtype \[\["a","<f8"\]\]/,
  );

  // Valid .npy files whose shape is not a matrix: readNpy accepts them, readNpyMatrix says why not.
  const cube = file("cube.npy", npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1, 2), }", f8([1, 2, 3, 4])));
  assert.deepEqual(readNpy(cube).shape, [2, 1, 2]);
  assert.throws(() => readNpyMatrix(cube), /cube\.npy: expected a 1-D or 2-D array, got shape \(2,1,2\)/);
  const scalar = file("scalar.npy", npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", f8([7])));
  assert.throws(() => readNpyMatrix(scalar), /scalar\.npy: expected a 1-D or 2-D array, got shape \(\)/);
  const empty = file("empty_rows.npy", npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 3), }", f8([])));
  assert.throws(() => readNpyMatrix(empty), /empty_rows\.npy: expected a non-empty array, got shape \(0,3\)/);

  const ok = file("ok.npy", npyBytes(header23, f8([1, 2, 3, 4, 5, 6]), 2));
  assert.deepEqual(readNpyMatrix(ok, [2, 3]).toArray(), [
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.throws(() => readNpyMatrix(ok, [3, 2]), /ok\.npy: expected shape \(3,2\), got \(2,3\)/);
});

test("encodeNpy written to a file, then readNpyMatrix, round-trips a matrix", (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "npy-test-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const m = Matrix.from([
    [1e-310, -2.5],
    [Number.MAX_VALUE, 1 / 3],
    [-7, 0.1],
  ]);
  const p = path.join(dir, "m.npy");
  writeFileSync(p, encodeNpy(m));
  assert.deepEqual(readNpyMatrix(p, [3, 2]).toArray(), m.toArray());
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
