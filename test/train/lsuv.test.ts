import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { std } from "../../lib/engine/reductions";
import { lsuv } from "../../lib/train/lsuv";
import { orthogonal } from "../../lib/init/orthogonal";
import { meanSquared } from "../../lib/nn/mean_squared_loss";
import { Mlp } from "../../lib/nn/mlp";

const net = (seed: number) => Mlp.initialized({ sizes: [30, 40, 40, 40, 5], activation: "relu", loss: meanSquared }, orthogonal(), new Rng(seed));

test("lsuv: every layer's output has variance 1 (within the tolerance) on the batch it was fitted on", () => {
  const rng = new Rng(1);
  const x = rng.randn(64, 30, 0.2, 0.5); // far from zero mean and unit variance, which He's formula would assume
  const n = net(2);
  const records = lsuv(n, x);
  assert.equal(records.length, 4);
  const { h } = n.forward(x);
  h.forEach((hl, l) => {
    assert.ok(Math.abs(std(hl) ** 2 - 1) < 0.01, `layer ${l + 1}: variance ${std(hl) ** 2}`);
    assert.ok(Math.abs(records[l].varianceAfter - std(hl) ** 2) < 1e-12);
  });
  // Without biases one rescale is exact, so every layer needs exactly one.
  for (const r of records) assert.equal(r.iterations, 1);
  assert.ok(Math.abs(records[0].varianceBefore - std(n.forward(x).h[0]) ** 2 / records[0].scale ** 2) < 1e-12);
});

test("lsuv: a layer already at variance 1 is left alone; the scale is what W was multiplied by", () => {
  const x = new Rng(3).randn(200, 30);
  const n = net(4);
  const before = n.weights.map((w) => w.clone());
  const first = lsuv(n, x);
  const again = lsuv(n, x);
  for (const r of again) assert.equal(r.iterations, 0);
  n.weights.forEach((w, l) => w.data.forEach((v, k) => assert.ok(Math.abs(v - first[l].scale * before[l].data[k]) < 1e-12)));
});

test("lsuv names a batch that does not fit, and a layer it cannot rescale", () => {
  assert.throws(() => lsuv(net(1), new Matrix(4, 7)), /expected a batch x of shape \(N,30\), got \(4,7\)/);
  assert.throws(() => lsuv(net(1), new Matrix(4, 30)), /layer 1's output has variance 0 on the batch/);
});
