// The opt-in fused multiply-add build (COURSE_MATMUL_FMA=1, lib/engine/matmul_wasm_fma.ts), in a child process
// because the choice is made when the kernel first loads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as path from "path";

const lib = path.join(__dirname, "..", "..", "lib");

function runChild(env: Record<string, string>): { status: string; maxExcess: number; fusedVisible: boolean } {
  const code = `
    const { Rng } = require(${JSON.stringify(path.join(lib, "engine/random"))});
    const { matmul, setMatmulKernel } = require(${JSON.stringify(path.join(lib, "engine/matmul"))});
    const { matmulNaive } = require(${JSON.stringify(path.join(lib, "engine/matmul_naive"))});
    const { matmulFmaStatus } = require(${JSON.stringify(path.join(lib, "engine/matmul_wasm"))});
    const { Matrix } = require(${JSON.stringify(path.join(lib, "engine/matrix"))});
    setMatmulKernel("wasm");
    const rng = new Rng(3);
    const a = rng.randn(130, 300), b = rng.randn(300, 70);
    const c = matmul(a, b), ref = matmulNaive(a, b);
    const absA = new Matrix(130, 300, a.data.map(Math.abs)), absB = new Matrix(300, 70, b.data.map(Math.abs));
    const bound = matmulNaive(absA, absB);
    let maxExcess = 0;
    c.data.forEach((v, k) => { maxExcess = Math.max(maxExcess, Math.abs(v - ref.data[k]) / (1e-12 * bound.data[k])); });
    // −1·1 + 0.1·10 is 0 with two roundings (0.1·10 rounds to 1) and 5.55e-17 when fused
    const one = matmul(new Matrix(1, 2, Float64Array.of(-1, 0.1)), new Matrix(2, 1, Float64Array.of(1, 10)));
    console.log(JSON.stringify({ status: matmulFmaStatus(), maxExcess, fusedVisible: one.data[0] !== 0 }));
  `;
  const run = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", env: { ...process.env, ...env } });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

test("COURSE_MATMUL_FMA=1 loads the fused build; its products stay within the kernels' tolerance of the naive loop", () => {
  const on = runChild({ COURSE_MATMUL_FMA: "1" });
  assert.match(on.status, /^on \(relaxed-SIMD fused multiply-add\)$|^unavailable, default build used: /);
  assert.ok(on.maxExcess <= 1, `error ${on.maxExcess}× the 1e-12·(|A|·|B|) bound`);
  if (on.status.startsWith("on")) assert.equal(on.fusedVisible, true, "0.1·10 − 1 should keep its rounding residue when fused");
});

test("without the variable the default build runs: separate multiply and add", () => {
  const off = runChild({ COURSE_MATMUL_FMA: "" });
  assert.match(off.status, /^off/);
  assert.equal(off.fusedVisible, false);
  assert.ok(off.maxExcess <= 1);
});
