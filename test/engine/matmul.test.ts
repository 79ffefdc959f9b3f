// Every matmul kernel (the naive reference too) against the definition C[i][j] = Σ_p op(A)[i][p]·op(B)[p][j],
// written out below, on random shapes from the seeded Rng.
// A blocked kernel adds the same products in another order, so each element may differ from the reference
// by rounding only: |C − C_ref|_ij ≤ 1e-12 · (|A|·|B|)_ij, the usual bound for a reordered sum.

import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import {
  MatmulKernelName,
  getMatmulKernel,
  matmul,
  matmulInto,
  matmulKernelFor,
  setMatmulKernel,
} from "../../lib/engine/matmul";
import {
  getMatmulThreads,
  matmulThreadStatus,
  setMatmulThreads,
  WASM_MAX_BYTES,
  loadedWasmKernel,
  wasmMatmulAvailable,
  wasmMatmulStatus,
} from "../../lib/engine/matmul_wasm";

type Kernel = Exclude<MatmulKernelName, "auto">;
const KERNELS: Kernel[] = ["naive", "tiled", "wasm"];
const TRANSPOSES: [boolean, boolean][] = [[false, false], [true, false], [false, true], [true, true]];

function withKernel<T>(kernel: MatmulKernelName, f: () => T): T {
  setMatmulKernel(kernel);
  try {
    return f();
  } finally {
    setMatmulKernel("auto");
  }
}

function abs(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.map(Math.abs));
}

/** Operands stored so that op(A) is (m,k) and op(B) is (k,n). */
function operands(rng: Rng, m: number, k: number, n: number, transA: boolean, transB: boolean): [Matrix, Matrix] {
  const a = transA ? rng.randn(k, m) : rng.randn(m, k);
  const b = transB ? rng.randn(n, k) : rng.randn(k, n);
  return [a, b];
}

/** The definition, entry by entry: independent of every kernel in lib/engine, matmulNaive included. */
function definitionProduct(a: Matrix, b: Matrix, transA: boolean, transB: boolean): Matrix {
  const [m, k] = transA ? [a.cols, a.rows] : [a.rows, a.cols];
  const n = transB ? b.rows : b.cols;
  const c = new Matrix(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        s += a.data[transA ? p * a.cols + i : i * a.cols + p] * b.data[transB ? j * b.cols + p : p * b.cols + j];
      }
      c.data[i * n + j] = s;
    }
  }
  return c;
}

/** Asserts c equals the definition elementwise within 1e-12·(|A|·|B|); non-finite values must match exactly. */
function assertMatchesReference(c: Matrix, a: Matrix, b: Matrix, transA: boolean, transB: boolean, label: string): void {
  const ref = definitionProduct(a, b, transA, transB);
  const bound = definitionProduct(abs(a), abs(b), transA, transB);
  assert.deepEqual(c.shape, ref.shape, `${label}: shape`);
  for (let q = 0; q < ref.data.length; q++) {
    const got = c.data[q], want = ref.data[q];
    const where = `${label}: element [${Math.floor(q / ref.cols)},${q % ref.cols}] is ${got}, reference ${want}`;
    if (!Number.isFinite(want)) {
      assert.ok(Object.is(got, want), where);
      continue;
    }
    assert.ok(Math.abs(got - want) <= 1e-12 * bound.data[q], `${where}, bound ${1e-12 * bound.data[q]}`);
  }
}

// Shapes chosen to hit every code path: 1×1, odd sizes, sizes that are not multiples of the 4×4 tile,
// k above the 256-wide p-blocks, m above the wasm kernel's 128-row A blocks, n above its 512-column B blocks,
// and the tutorial's own products.
const FIXED_SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 7, 1], [3, 1, 5], [4, 4, 4], [5, 3, 7], [8, 9, 4], [13, 17, 11], [4, 300, 6],
  [133, 70, 9], [2, 5, 517], [128, 1000, 10], [100, 128, 10], [130, 257, 21],
];

test("the wasm kernel was built and loads (npm run build compiles it from matmul_wasm_kernel.as.ts)", () => {
  assert.equal(wasmMatmulStatus(), "ok");
  assert.equal(wasmMatmulAvailable(), true);
});

for (const kernel of KERNELS) {
  test(`${kernel} kernel matches the definition on fixed edge shapes, all four transpose cases`, () => {
    const rng = new Rng(11);
    withKernel(kernel, () => {
      for (const [m, k, n] of FIXED_SHAPES) {
        for (const [transA, transB] of TRANSPOSES) {
          const [a, b] = operands(rng, m, k, n, transA, transB);
          assertMatchesReference(matmul(a, b, { transA, transB }), a, b, transA, transB, `${kernel} ${m}×${k}×${n} tA=${transA} tB=${transB}`);
        }
      }
    });
  });

  test(`${kernel} kernel matches the definition on 40 random shapes (seeded), with scaled operands`, () => {
    const rng = new Rng(2024);
    withKernel(kernel, () => {
      for (let trial = 0; trial < 40; trial++) {
        const m = 1 + Math.floor(rng.uniform01() * 70);
        const k = 1 + Math.floor(rng.uniform01() * 300);
        const n = 1 + Math.floor(rng.uniform01() * 70);
        const [transA, transB] = TRANSPOSES[trial % 4];
        const [a, b] = operands(rng, m, k, n, transA, transB);
        // Magnitudes spread over many orders so the relative bound is exercised, not just absolute closeness.
        const s = 10 ** Math.floor(rng.uniform(-8, 8));
        for (let q = 0; q < a.data.length; q++) a.data[q] *= s;
        assertMatchesReference(matmul(a, b, { transA, transB }), a, b, transA, transB, `${kernel} trial ${trial} ${m}×${k}×${n}`);
      }
    });
  });

  test(`${kernel} kernel: matmulInto overwrites every element of out and leaves the operands untouched`, () => {
    const rng = new Rng(5);
    withKernel(kernel, () => {
      for (const [m, k, n] of [[1, 1, 1], [7, 300, 9], [128, 100, 100]] as const) {
        for (const [transA, transB] of TRANSPOSES) {
          const [a, b] = operands(rng, m, k, n, transA, transB);
          const [a0, b0] = [a.clone(), b.clone()];
          const out = Matrix.filled(m, n, 12345); // stale values must not leak into the result
          const returned = matmulInto(out, a, b, { transA, transB });
          assert.equal(returned, out);
          assertMatchesReference(out, a, b, transA, transB, `${kernel} matmulInto ${m}×${k}×${n}`);
          assert.deepEqual(a.data, a0.data);
          assert.deepEqual(b.data, b0.data);
        }
      }
    });
  });

  test(`${kernel} kernel propagates NaN and ±Infinity like IEEE arithmetic (0·Inf is NaN; zeros are not skipped)`, () => {
    withKernel(kernel, () => {
      // The smallest case, with values we can state: [0, 1]·[Inf, 2]ᵀ = 0·Inf + 2 = NaN.
      const c = matmul(Matrix.from([[0, 1]]), Matrix.from([[Infinity], [2]]));
      assert.ok(Number.isNaN(c.get(0, 0)), `0·Inf + 1·2 gave ${c.get(0, 0)}`);
      assert.equal(matmul(Matrix.from([[1, 1]]), Matrix.from([[Infinity], [2]])).get(0, 0), Infinity);
      assert.ok(Number.isNaN(matmul(Matrix.from([[1, 1]]), Matrix.from([[Infinity], [-Infinity]])).get(0, 0)));
      assert.ok(Number.isNaN(matmul(Matrix.from([[NaN, 0]]), Matrix.from([[0], [0]])).get(0, 0)));

      // Inside full SIMD tiles and at ragged edges: specials at known places, compared with the reference.
      const rng = new Rng(99);
      for (const [m, k, n] of [[8, 8, 8], [9, 300, 13], [130, 20, 6]] as const) {
        for (const [transA, transB] of TRANSPOSES) {
          const [a, b] = operands(rng, m, k, n, transA, transB);
          a.data[3] = Infinity;
          a.data[a.data.length - 1] = -Infinity;
          a.data[Math.floor(a.data.length / 2)] = NaN;
          b.data.fill(0, 0, Math.min(b.data.length, 2 * n)); // zeros meet the infinities: 0·Inf
          b.data[b.data.length - 2] = Infinity;
          const label = `${kernel} specials ${m}×${k}×${n} tA=${transA} tB=${transB}`;
          const got = matmul(a, b, { transA, transB });
          assertMatchesReference(got, a, b, transA, transB, label);
          assert.ok(got.data.some(Number.isNaN), `${label}: expected some NaN`);
        }
      }
    });
  });
}

test("results agree across kernels on the tutorial's products, within the rounding bound", () => {
  const rng = new Rng(3);
  const products: [number, number, number, boolean, boolean][] = [
    [128, 1000, 100, false, false], [1000, 128, 100, true, false], [128, 100, 100, false, true], [100, 128, 10, true, false],
  ];
  for (const [m, k, n, transA, transB] of products) {
    const [a, b] = operands(rng, m, k, n, transA, transB);
    for (const kernel of ["tiled", "wasm", "auto"] as const) {
      const c = withKernel(kernel, () => matmul(a, b, { transA, transB }));
      assertMatchesReference(c, a, b, transA, transB, `${kernel} ${m}×${k}×${n}`);
    }
  }
});

test("the wasm kernel stays right after its memory grows, and on small products after big ones", () => {
  const rng = new Rng(8);
  withKernel("wasm", () => {
    const [bigA, bigB] = operands(rng, 600, 700, 500, false, true); // several MB: forces memory.grow
    assertMatchesReference(matmul(bigA, bigB, { transB: true }), bigA, bigB, false, true, "wasm big");
    const [a, b] = operands(rng, 3, 5, 2, true, false);
    assertMatchesReference(matmul(a, b, { transA: true }), a, b, true, false, "wasm small after big");
  });
});

test("the wasm kernel split over two threads (helper on shared memory) matches the reference, every transpose", async () => {
  setMatmulThreads(2); // a set number is obeyed even on a busy machine
  setMatmulKernel("wasm");
  try {
    const rng = new Rng(21);
    {
      const [a, b] = operands(rng, 128, 1000, 100, false, false);
      matmul(a, b); // starts the helper; it answers once its own instance is up (allow 20 s on a busy machine)
      for (let tries = 0; tries < 800 && !/1 ready/.test(matmulThreadStatus()); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.match(matmulThreadStatus(), /2 thread\(s\) set; 1 helper\(s\) started, 1 ready/);
      // Split by rows (m ≥ n) and by columns (n > m), bands of whole tiles and a ragged last band.
      for (const [m, k, n] of [[128, 1000, 100], [1000, 128, 100], [90, 300, 257], [131, 77, 61]] as const) {
        for (const [transA, transB] of TRANSPOSES) {
          const [x, y] = operands(rng, m, k, n, transA, transB);
          assertMatchesReference(matmul(x, y, { transA, transB }), x, y, transA, transB, `2 threads ${m}×${k}×${n} tA=${transA} tB=${transB}`);
          const out = Matrix.filled(m, n, NaN);
          assertMatchesReference(matmulInto(out, x, y, { transA, transB }), x, y, transA, transB, `2 threads into ${m}×${k}×${n}`);
        }
      }
      assert.match(matmulThreadStatus(), /1 ready/); // no helper failed along the way
    }
  } finally {
    setMatmulThreads("auto");
    setMatmulKernel("auto");
  }
});

test("the thread count never changes a result: one and two threads agree bit for bit", async () => {
  // "auto" picks the thread count from the machine's load, so reproducible notebooks need identical bits either way.
  setMatmulKernel("wasm");
  try {
    const rng = new Rng(22);
    for (const [m, k, n] of [[128, 1000, 100], [1000, 128, 100], [37, 999, 101], [500, 128, 500]] as const) {
      for (const [transA, transB] of TRANSPOSES) {
        const [x, y] = operands(rng, m, k, n, transA, transB);
        setMatmulThreads(1);
        const one = matmul(x, y, { transA, transB });
        setMatmulThreads(2);
        matmul(x, y, { transA, transB }); // the helper may still be starting; the next call can use it
        for (let tries = 0; tries < 800 && !/1 ready/.test(matmulThreadStatus()); tries++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        const two = matmul(x, y, { transA, transB });
        const differing = one.data.findIndex((v, i) => !Object.is(v, two.data[i]));
        assert.equal(differing, -1, `${m}×${k}×${n} tA=${transA} tB=${transB}: entry ${differing} differs`);
      }
    }
    assert.match(matmulThreadStatus(), /1 ready/);
  } finally {
    setMatmulThreads("auto");
    setMatmulKernel("auto");
  }
});

test("setMatmulThreads takes \"auto\" or 1 to 8, and rejects anything else naming what came", () => {
  assert.throws(() => setMatmulThreads(0), /setMatmulThreads: expected "auto" or an integer from 1 to 8, got 0/);
  assert.throws(() => setMatmulThreads(2.5), /got 2.5/);
  assert.throws(() => setMatmulThreads("all" as unknown as number), /got "all"/);
  setMatmulThreads(1);
  assert.equal(getMatmulThreads(), 1);
  assert.match(matmulThreadStatus(), /^1 thread\(s\) set/);
  setMatmulThreads("auto");
  assert.match(matmulThreadStatus(), /thread\(s\) wanted \(auto\)/);
});

test("without the .wasm file, wasm reports why, auto falls back to tiled JS, and forcing wasm says what is missing", () => {
  // A copy of the compiled engine without matmul_wasm_kernel.wasm, loaded as separate modules.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "matmul-no-wasm-"));
  try {
    const built = path.join(__dirname, "..", "..", "lib", "engine"); // build/lib/engine, beside build/test/engine
    assert.ok(fs.existsSync(path.join(built, "matmul_wasm_kernel.wasm")));
    for (const f of fs.readdirSync(built)) {
      if (f.endsWith(".js")) fs.copyFileSync(path.join(built, f), path.join(dir, f));
    }
    assert.ok(!fs.existsSync(path.join(dir, "matmul_wasm_kernel.wasm")));
    const copy = require(path.join(dir, "matmul.js")) as typeof import("../../lib/engine/matmul");
    const copyWasm = require(path.join(dir, "matmul_wasm.js")) as typeof import("../../lib/engine/matmul_wasm");
    const copyMatrix = require(path.join(dir, "matrix.js")) as typeof import("../../lib/engine/matrix");
    assert.match(copyWasm.wasmMatmulStatus(), /WebAssembly matmul unavailable: .*matmul_wasm_kernel\.wasm not found \(run `npm run build`\)/);
    assert.equal(copy.matmulKernelFor(128, 1000, 100), "tiled");
    assert.throws(() => copy.setMatmulKernel("wasm"), /setMatmulKernel\("wasm"\): WebAssembly matmul unavailable: .*not found/);
    const rng = new Rng(4);
    const a = new copyMatrix.Matrix(64, 300, rng.randn(64, 300).data), b = new copyMatrix.Matrix(300, 40, rng.randn(300, 40).data);
    const c = copy.matmul(a, b);
    assertMatchesReference(new Matrix(64, 40, c.data), new Matrix(64, 300, a.data), new Matrix(300, 40, b.data), false, false, "fallback");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("auto picks tiled JS for tiny products and wasm for the tutorial's big ones", () => {
  assert.equal(getMatmulKernel(), "auto");
  assert.equal(matmulKernelFor(1, 1, 1), "tiled");
  assert.equal(matmulKernelFor(128, 1000, 100), "wasm");
  withKernel("naive", () => {
    assert.equal(getMatmulKernel(), "naive");
    assert.equal(matmulKernelFor(128, 1000, 100), "naive");
  });
});

test("setMatmulKernel rejects unknown kernels, naming the choices", () => {
  assert.throws(() => setMatmulKernel("fast" as MatmulKernelName), /expected one of "naive", "tiled", "wasm", "auto", got "fast"/);
  assert.equal(getMatmulKernel(), "auto");
});

for (const kernel of ["auto", ...KERNELS] as MatmulKernelName[]) {
  test(`${kernel}: shape mismatches throw naming both shapes, like numpy`, () => {
    withKernel(kernel, () => {
      const a = new Matrix(128, 1000), b = new Matrix(100, 100);
      assert.throws(() => matmul(a, b), /matmul: shapes \(128,1000\) and \(100,100\) not aligned: 1000 \(dim 1 of the left\) != 100 \(dim 0 of the right\)/);
      assert.throws(() => matmul(a, new Matrix(128, 5), { transB: true }), /shapes \(128,1000\) and \(128,5\)ᵀ not aligned: 1000 .* != 5/);
      assert.throws(() => matmul(a, new Matrix(1000, 5), { transA: true }), /shapes \(128,1000\)ᵀ and \(1000,5\) not aligned: 128 .* != 1000/);
      assert.throws(() => matmulInto(new Matrix(2, 2), new Matrix(2, 3), new Matrix(4, 2)), /matmulInto: shapes \(2,3\) and \(4,2\) not aligned/);
      assert.throws(() => matmul(a, [[1]] as unknown as Matrix), /matmul: expected two Matrix operands, got Matrix and Array/);
    });
  });

  test(`${kernel}: matmulInto rejects an output of the wrong shape or one that shares memory with an operand`, () => {
    withKernel(kernel, () => {
      const a = Matrix.filled(2, 3, 1), b = Matrix.filled(3, 5, 1);
      assert.throws(() => matmulInto(new Matrix(2, 2), a, b), /matmulInto: output has shape \(2,2\), expected \(2,5\)/);
      assert.throws(() => matmulInto(null as never, a, b), /matmulInto: expected out to be a Matrix, got null/);
      assert.throws(() => matmulInto(new Matrix(5, 2), a, b), /output has shape \(5,2\), expected \(2,5\)/);
      assert.throws(() => matmulInto(new Matrix(3, 2), a, b, { transA: true }), /shapes \(2,3\)ᵀ and \(3,5\) not aligned/);
      const sq = Matrix.filled(3, 3, 2);
      assert.throws(() => matmulInto(sq, sq, Matrix.filled(3, 3, 1)), /matmulInto: the output shares memory with operand A \(bytes 0–72 and 0–72 of one buffer\)/);
      // Partial overlap: the output is a view into the second half of B's buffer (the first half is B itself).
      const buffer = new Float64Array(30).fill(1);
      const bView = new Matrix(3, 5, buffer.subarray(0, 15));
      const overlapping = new Matrix(2, 5, buffer.subarray(12, 22));
      assert.throws(() => matmulInto(overlapping, a, bView), /shares memory with operand B \(bytes 96–176 and 0–120 of one buffer\); write into a separate matrix/);
      // A view of the same buffer that does not overlap is fine.
      assert.deepEqual(matmulInto(new Matrix(2, 5, buffer.subarray(15, 25)), a, bView).toArray(), [[3, 3, 3, 3, 3], [3, 3, 3, 3, 3]]);
      // A correct call with these shapes works and gives the exact small-integer answer.
      assert.deepEqual(matmulInto(new Matrix(2, 5), a, b).toArray(), [[3, 3, 3, 3, 3], [3, 3, 3, 3, 3]]);
    });
  });
}

test("auto sends a product whose operands do not fit in wasm memory to tiled; forced wasm says why", { skip: !wasmMatmulAvailable() && wasmMatmulStatus() }, () => {
  // 2×k by k×1 with k = 50 million: 1.2 GB of operands, over wasm's 1 GiB, but only 10⁸ multiply-adds.
  const k = 50_000_000;
  const a = Matrix.filled(2, k, 0.5);
  const b = Matrix.filled(k, 1, 2);
  assert.ok((a.data.byteLength + b.data.byteLength) > WASM_MAX_BYTES);
  assert.equal(matmulKernelFor(2, k, 1), "tiled");
  assert.equal(matmulKernelFor(128, 1000, 100), "wasm", "products that fit still go to wasm");
  assert.deepEqual(matmul(a, b).toArray(), [[k], [k]]); // sums of k ones: exact
  const bytesBefore = loadedWasmKernel()!.memory.buffer.byteLength;
  assert.ok(bytesBefore < WASM_MAX_BYTES / 2, `wasm memory did not grow for the tiled product (${bytesBefore} bytes)`);
  assert.throws(() => withKernel("wasm", () => matmul(a, b)),
    /matmul \(wasm kernel\): 2×50000000 by 50000000×1 into 2×1 needs 11\d\d MiB of WebAssembly memory, over its limit of 1024 MiB; the "auto" \(default\) or "tiled" kernel does this product in JavaScript/);
  // The failed attempt grew nothing: the memory is as big as before, and a normal product still runs on wasm.
  assert.equal(loadedWasmKernel()!.memory.buffer.byteLength, bytesBefore);
  const small = withKernel("wasm", () => matmul(Matrix.filled(4, 8, 1), Matrix.filled(8, 4, 1)));
  assert.deepEqual(small.toArray(), Array.from({ length: 4 }, () => [8, 8, 8, 8]));
});
