import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { setupTfjs } from "../../lib/tfjs/setup";
import { TF_INIT_NAMES, formulaStd, kernelInitializer } from "../../lib/tfjs/initializers";
import { TRUNCATED_STD_RATIO } from "../../lib/init/variance_scaling";
import { denseStack } from "../../lib/tfjs/dense_stack";
import { getKernels } from "../../lib/tfjs/kernels";

function draw(name: (typeof TF_INIT_NAMES)[number], seed: number, shape: [number, number]): Float32Array {
  return tf.tidy(() => kernelInitializer(name, seed).apply(shape, "float32").dataSync() as Float32Array);
}

test("a seed reproduces the same weights; another seed gives others", async () => {
  await setupTfjs();
  for (const name of TF_INIT_NAMES) {
    assert.deepEqual(draw(name, 42, [50, 40]), draw(name, 42, [50, 40]), `${name} with seed 42 twice`);
    assert.notDeepEqual(draw(name, 42, [50, 40]), draw(name, 43, [50, 40]), `${name} with seeds 42 and 43`);
  }
  // Whole models too: same seed, same kernels, layer by layer; each layer gets its own seed so layers differ.
  const a = getKernels(denseStack({ sizes: [20, 20, 20], init: "heNormal", seed: 5 }));
  const b = getKernels(denseStack({ sizes: [20, 20, 20], init: "heNormal", seed: 5 }));
  assert.deepEqual(a[0].data, b[0].data);
  assert.deepEqual(a[1].data, b[1].data);
  assert.notDeepEqual(a[0].data, a[1].data);
});

test("drawn std matches the formula (×0.8796 for tfjs's unrescaled truncated normals) within sampling error", async () => {
  await setupTfjs();
  const [fanIn, fanOut] = [400, 200];
  for (const name of TF_INIT_NAMES) {
    const w = draw(name, 3, [fanIn, fanOut]);
    const n = w.length;
    let sumSq = 0;
    for (const v of w) sumSq += v * v;
    const std = Math.sqrt(sumSq / n);
    // The papers' formulas written out: He sqrt(2/fan_in), Glorot sqrt(2/(fan_in+fan_out)).
    const paper = name.startsWith("he") ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
    assert.ok(Math.abs(formulaStd(name, fanIn, fanOut) / paper - 1) < 1e-15, `${name}: formulaStd`);
    const expected = paper * (name.endsWith("Normal") ? TRUNCATED_STD_RATIO : 1);
    // The std of n draws has a relative sampling error of about 1/sqrt(2n) = 0.0035 here; allow 4 of those.
    assert.ok(Math.abs(std / expected - 1) < 4 / Math.sqrt(2 * n), `${name}: std ${std}, expected ${expected}`);
    if (name.endsWith("Normal")) {
      // Truncated at ±2 stds of the formula, and visibly short of the formula's std.
      const bound = 2 * formulaStd(name, fanIn, fanOut);
      assert.ok(w.every((v) => Math.abs(v) <= bound * (1 + 1e-6)), `${name}: a value beyond ±2 std`);
      assert.ok(std / formulaStd(name, fanIn, fanOut) < 0.9);
    } else {
      const limit = Math.sqrt(3) * formulaStd(name, fanIn, fanOut);
      assert.ok(w.every((v) => Math.abs(v) <= limit * (1 + 1e-6)), `${name}: a value beyond the uniform limit ${limit}`);
    }
  }
});

test("kernelInitializer rejects seed 0 (tfjs would draw unseeded) and other bad seeds", async () => {
  await setupTfjs();
  // Why seed 0 is refused: tfjs's own heNormal with seed 0 gives different weights each time.
  const raw = () => tf.tidy(() => Array.from(tf.initializers.heNormal({ seed: 0 }).apply([4, 4], "float32").dataSync()));
  assert.notDeepEqual(raw(), raw());
  assert.throws(() => kernelInitializer("heNormal", 0), /positive integer seed \(tfjs ignores seed 0\), got 0/);
  assert.throws(() => kernelInitializer("heNormal", -1), /got -1/);
  assert.throws(() => kernelInitializer("heNormal", 1.5), /got 1.5/);
  assert.throws(() => denseStack({ sizes: [3, 2], init: "heUniform", seed: 0 }), /tfjs ignores seed 0/);
});
