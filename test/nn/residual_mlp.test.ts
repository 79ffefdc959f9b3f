import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { heNormal } from "../../lib/init/presets";
import { meanSquared } from "../../lib/nn/mean_squared_loss";
import { ResidualMlp } from "../../lib/nn/residual_mlp";
import { gradientCheck } from "../../lib/train/gradient_check";

const spec = { width: 4, blocks: 3, outputs: 2, loss: meanSquared };

test("ResidualMlp: every gradient agrees with central finite differences (both branch layers drawn)", () => {
  const rng = new Rng(6);
  const net = ResidualMlp.initialized(spec, heNormal(), rng, false);
  const x = rng.randn(5, 4), y = rng.randn(5, 2);
  const checks = gradientCheck(net, x, y);
  assert.deepEqual(checks.map((c) => c.name), ["a1", "b1", "a2", "b2", "a3", "b3", "w_out"]);
  for (const c of checks) assert.ok(c.maxRelativeError < 1e-5, `${c.name}: ${c.maxRelativeError}`);
});

test("ResidualMlp with zero-initialised branch outputs: the stream is x in every block, and only B and W_out get gradient at first", () => {
  const rng = new Rng(7);
  const net = ResidualMlp.initialized(spec, heNormal(), rng, true);
  const x = rng.randn(5, 4), y = rng.randn(5, 2);
  for (const s of net.forward(x).stream) assert.deepEqual(s.data, x.data);
  const { grads } = net.lossAndGradients(x, y);
  for (let b = 0; b < 3; b++) {
    assert.ok(grads[2 * b].data.every((v) => v === 0), `A${b + 1} gets no gradient through a zero B`);
    assert.ok(grads[2 * b + 1].data.some((v) => v !== 0), `B${b + 1} does get one`);
  }
  const checks = gradientCheck(net, x, y);
  for (const c of checks) assert.ok(c.maxRelativeError < 1e-5, `${c.name}: ${c.maxRelativeError}`);
});

test("ResidualMlp: zeroing B keeps every other weight of the same seed", () => {
  const a = ResidualMlp.initialized(spec, heNormal(), new Rng(3), false);
  const b = ResidualMlp.initialized(spec, heNormal(), new Rng(3), true);
  assert.deepEqual(a.branchIn.map((m) => Array.from(m.data)), b.branchIn.map((m) => Array.from(m.data)));
  assert.deepEqual(a.output.data, b.output.data);
});

test("ResidualMlp names what does not fit", () => {
  const net = ResidualMlp.initialized(spec, heNormal(), new Rng(1), false);
  assert.throws(() => net.forward(new Matrix(2, 5)), /input x \(2,5\) does not fit a stream of width 4: expected shape \(N,4\)/);
  assert.throws(() => net.loss(new Matrix(2, 4), new Matrix(2, 3)), /targets y: expected shape \(2,2\), got \(2,3\)/);
  assert.throws(() => new ResidualMlp([new Matrix(4, 4)], [new Matrix(4, 3)], new Matrix(4, 2), meanSquared), /every branch matrix must be \(4,4\).*got \(4,3\)/);
  assert.throws(() => ResidualMlp.initialized({ ...spec, blocks: 0 }, heNormal(), new Rng(1), false), /blocks to be a positive integer, got 0/);
});
