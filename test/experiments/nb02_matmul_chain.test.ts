// What notebook 02 says about a bare chain of matrix products, and what fast.ai's course found in float32.
import { test } from "node:test";
import assert from "node:assert/strict";
import { matmulChain } from "../../lib/experiments/nb02_matmul_chain";

const seeds = [1, 2, 3];
const chain = (scale: number, seed: number, float32: boolean, products = 100) => matmulChain({ size: 512, products, scale, seed, float32 });

test("unscaled N(0,1) matrices: float32 overflows after about 28 products, float64 only after about 227", () => {
  for (const seed of seeds) {
    const f32 = chain(1, seed, true);
    assert.ok(f32.firstNonFinite !== null && f32.firstNonFinite >= 27 && f32.firstNonFinite <= 30, `seed ${seed}: float32 ${f32.firstNonFinite}`);
    const f64 = chain(1, seed, false, 240);
    assert.ok(f64.firstNonFinite !== null && f64.firstNonFinite >= 220 && f64.firstNonFinite <= 230, `seed ${seed}: float64 ${f64.firstNonFinite}`);
    assert.ok(f64.std.slice(0, 100).every((s) => s !== null && s > 0));
  }
});

test("N(0, 0.01²) matrices: float32 reaches exact zeros within 100 products, float64 stays tiny but nonzero", () => {
  for (const seed of seeds) {
    const f32 = chain(0.01, seed, true);
    assert.ok(f32.firstAllZero !== null && f32.firstAllZero <= 80, `seed ${seed}: float32 zeros at ${f32.firstAllZero}`);
    const f64 = chain(0.01, seed, false);
    assert.equal(f64.firstAllZero, null);
    assert.ok(f64.std[99]! > 0 && f64.std[99]! < 1e-60, `seed ${seed}: float64 std ${f64.std[99]}`);
  }
});

test("N(0, 1/512) matrices keep the vector of order 1 after 100 products", () => {
  for (const seed of seeds) {
    const s = chain(1 / Math.sqrt(512), seed, false).std[99]!;
    assert.ok(s > 0.5 && s < 5, `seed ${seed}: std ${s}`);
  }
});

test("matmulChain refuses meaningless settings", () => {
  assert.throws(() => matmulChain({ size: 0, products: 1, scale: 1, seed: 1 }), /positive integer size, got 0/);
  assert.throws(() => matmulChain({ size: 4, products: 1, scale: -1, seed: 1 }), /positive finite scale, got -1/);
});
