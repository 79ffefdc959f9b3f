import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { heNormal, naiveNormal } from "../../lib/init/presets";
import { BatchNormMlp } from "../../lib/nn/batch_norm_mlp";
import { meanSquared } from "../../lib/nn/mean_squared_loss";
import { gradientCheck } from "../../lib/train/gradient_check";
import { std } from "../../lib/engine/reductions";

const spec = (activation: "relu" | "tanh") => ({ sizes: [5, 4, 3, 2], activation, loss: meanSquared });

for (const activation of ["tanh", "relu"] as const) {
  test(`BatchNormMlp (${activation}): every weight, γ and β gradient agrees with central finite differences`, () => {
    const rng = new Rng(4);
    const net = BatchNormMlp.initialized(spec(activation), heNormal(), rng);
    // Non-trivial γ and β, so their gradients are tested away from the starting values.
    net.gammas.forEach((g) => g.data.forEach((_, k) => (g.data[k] = 0.5 + rng.uniform01())));
    net.betas.forEach((b) => b.data.forEach((_, k) => (b.data[k] = 0.3 * rng.normal())));
    const x = rng.randn(8, 5), y = rng.randn(8, 2);
    const checks = gradientCheck(net, x, y);
    assert.deepEqual(checks.map((c) => c.name), ["w1", "w2", "w3", "gamma1", "beta1", "gamma2", "beta2"]);
    // Normalising subtracts nearly equal numbers, so the difference quotients lose a few more digits than in a plain
    // Mlp; 1e-5 is still three orders of magnitude from a wrong formula (the batch_norm test shows one).
    for (const c of checks) assert.ok(c.maxRelativeError < 1e-5, `${c.name}: ${c.maxRelativeError}`);
  });
}

test("BatchNormMlp: the hidden layers' normalised pre-activations have std ≈ 1 whatever the weights' scale", () => {
  const x = new Rng(1).randn(64, 20);
  for (const init of [naiveNormal(), heNormal()]) {
    const net = BatchNormMlp.initialized({ sizes: [20, 20, 20, 20, 3], activation: "relu", loss: meanSquared }, init, new Rng(2));
    for (const z of net.forward(x).z) assert.ok(Math.abs(std(z) - 1) < 1e-3, `std ${std(z)}`);
  }
});

test("BatchNormMlp: params are the weights then γ, β per hidden layer; bad shapes are named", () => {
  const net = BatchNormMlp.initialized(spec("relu"), heNormal(), new Rng(1));
  assert.deepEqual(net.params.map((p) => p.shape), [[5, 4], [4, 3], [3, 2], [1, 4], [1, 4], [1, 3], [1, 3]]);
  assert.deepEqual(net.gammas[0].toArray(), [[1, 1, 1, 1]]);
  assert.throws(() => net.forward(new Matrix(3, 4)), /input x \(3,4\) and w1 \(5,4\) not aligned: expected shape \(N,5\)/);
  assert.throws(() => net.loss(new Matrix(3, 5), new Matrix(3, 3)), /targets y: expected shape \(3,2\), got \(3,3\)/);
  assert.throws(() => new BatchNormMlp([new Matrix(2, 2)], "relu", meanSquared), /at least two weight matrices/);
  assert.throws(() => new BatchNormMlp([new Matrix(2, 3), new Matrix(3, 1)], "relu", meanSquared, [new Matrix(1, 2)], [new Matrix(1, 3)]), /gamma1 must have shape \(1,3\), got \(1,2\)/);
});
