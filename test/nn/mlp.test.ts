import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { Mlp } from "../../lib/nn/mlp";
import { TUTORIAL_MLP } from "../../lib/nn/three_layer_net";
import { ActivationName } from "../../lib/nn/activation";
import { sumOfSquaredErrors } from "../../lib/nn/sum_of_squares_loss";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { gradientCheck, relativeError } from "../../lib/train/gradient_check";
import { trainGradientDescent } from "../../lib/train/gradient_descent";

const normal = (std: number) => (fanIn: number, fanOut: number, rng: Rng) => rng.randn(fanIn, fanOut, std);

function smallNet(activation: ActivationName, seed: number, sizes = [5, 4, 3, 2]): { net: Mlp; x: Matrix; y: Matrix } {
  const rng = new Rng(seed);
  const net = Mlp.initialized({ sizes, activation, loss: sumOfSquaredErrors }, normal(0.8), rng);
  return { net, x: rng.randn(6, sizes[0]), y: rng.randn(6, sizes[sizes.length - 1]) };
}

test("the tutorial preset gives exactly ThreeLayerNet's loss and gradients on the same weights", () => {
  const rng = new Rng(2026);
  const three = ThreeLayerNet.randomNormal(rng);
  const mlp = new Mlp(three.params, TUTORIAL_MLP.activation, TUTORIAL_MLP.loss);
  assert.deepEqual(mlp.sizes, [...TUTORIAL_MLP.sizes]);
  const x = rng.randn(16, 1000);
  const y = rng.randn(16, 10);
  const a = three.lossAndGradients(x, y);
  const b = mlp.lossAndGradients(x, y);
  assert.equal(b.loss, a.loss);
  assert.ok(a.loss > 1e8, `std-normal weights give a huge loss, got ${a.loss}`);
  b.grads.forEach((g, l) => assert.deepEqual(g.data, a.grads[l].data, `gradient of w${l + 1}`));
  b.hidden.forEach((h, l) => assert.deepEqual(h.data, a.hidden[l].data, `hidden layer ${l + 1}`));
});

test("Mlp.initialized(TUTORIAL_MLP) draws the same weights as ThreeLayerNet.randomNormal from the same seed", () => {
  const mlp = Mlp.initialized(TUTORIAL_MLP, normal(1), new Rng(5));
  const three = ThreeLayerNet.randomNormal(new Rng(5));
  mlp.params.forEach((w, l) => assert.deepEqual(w.data, three.params[l].data));
});

for (const activation of ["relu", "tanh", "sigmoid"] as const) {
  test(`${activation} network: weight gradients pass the finite-difference check`, () => {
    const { net, x, y } = smallNet(activation, 7);
    for (const check of gradientCheck(net, x, y)) {
      assert.ok(check.maxRelativeError < 1e-6, `${activation} ${check.name}: ${check.maxRelativeError}`);
    }
  });

  test(`${activation} network: ∂loss/∂h at every layer matches finite differences`, () => {
    const { net, x, y } = smallNet(activation, 8);
    const { cache, grads } = net.forwardBackward(x, y);
    for (let l = 0; l < net.depth; l++) {
      // The rest of the network, as a function of h[l].
      const rest = net.weights.slice(l + 1);
      const lossFromH = (h: Matrix): number => {
        if (rest.length === 0) return sumOfSquaredErrors.forward(h, y);
        return new Mlp(rest, activation, sumOfSquaredErrors).loss(net.activation.forward(h), y);
      };
      const h = cache.h[l].clone();
      let worst = 0;
      for (let k = 0; k < h.data.length; k++) {
        const saved = h.data[k];
        h.data[k] = saved + 1e-6;
        const plus = lossFromH(h);
        h.data[k] = saved - 1e-6;
        const minus = lossFromH(h);
        h.data[k] = saved;
        worst = Math.max(worst, relativeError(grads.dh[l].data[k], (plus - minus) / 2e-6));
      }
      assert.ok(worst < 1e-6, `${activation} dh[${l}]: ${worst}`);
    }
    assert.equal(grads.da.length, net.depth - 1);
    assert.equal(grads.dh.length, net.depth);
    // At the output, ∂loss/∂h is the loss's own gradient 2(yPred − y).
    assert.deepEqual(grads.dh[net.depth - 1].data, sumOfSquaredErrors.backward(cache.yPred, y).data);
  });
}

test("the gradient check catches a wrong activation derivative inside the network", () => {
  const { net, x, y } = smallNet("tanh", 9);
  // Backward through a sigmoid-shaped slope instead of tanh's: every weight below the output gets a wrong gradient.
  const wrongNet = new Mlp(net.weights, "tanh", sumOfSquaredErrors);
  Object.defineProperty(wrongNet, "activation", {
    value: { ...net.activation, backward: (dout: Matrix, _h: Matrix, a: Matrix) => {
      const dh = new Matrix(a.rows, a.cols);
      for (let k = 0; k < a.data.length; k++) dh.data[k] = dout.data[k] * a.data[k] * (1 - a.data[k]);
      return dh;
    } },
  });
  const wrong = wrongNet.lossAndGradients(x, y).grads;
  const checks = gradientCheck(net, x, y, { analyticGrads: wrong });
  assert.ok(checks[0].maxRelativeError > 1e-2, `w1 error ${checks[0].maxRelativeError} should flag the bug`);
  assert.ok(checks[net.depth - 1].maxRelativeError < 1e-6, "the output layer has no activation below it, so its gradient is still right");
});

test("the forward cache holds pre- and post-activations with the expected shapes", () => {
  const { net, x } = smallNet("tanh", 10);
  const cache = net.forward(x);
  assert.deepEqual(cache.h.map((m) => m.shape), [[6, 4], [6, 3], [6, 2]]);
  assert.deepEqual(cache.a.map((m) => m.shape), [[6, 4], [6, 3]]);
  assert.equal(cache.yPred, cache.h[2]);
  assert.equal(cache.a[0].get(1, 2), Math.tanh(cache.h[0].get(1, 2)));
});

test("a depth-1 network is linear regression: dW = xᵀ·2(xW − y)", () => {
  const w = Matrix.from([[2], [-1]]);
  const net = new Mlp([w], "relu", sumOfSquaredErrors);
  const x = Matrix.from([[1, 3], [2, 1]]); // xW = [−1, 3]: the negative output is not clipped, the last layer is linear
  const y = Matrix.from([[0], [1]]);
  const { loss, grads } = net.lossAndGradients(x, y);
  assert.equal(loss, 1 + 4);
  // 2(xW − y) = [−2, 4]; xᵀ·that = [1·−2 + 2·4, 3·−2 + 1·4] = [6, −2]
  assert.deepEqual(grads[0].toArray(), [[6], [-2]]);
});

test("gradient descent trains an Mlp: the loss falls", () => {
  const { net, x, y } = smallNet("tanh", 12);
  const history = trainGradientDescent(net, x, y, { learningRate: 0.01, steps: 200 });
  assert.ok(history.loss[199] < 0.5 * history.loss[0], `loss ${history.loss[0]} -> ${history.loss[199]}`);
});

test("same seed, same weights; clone copies", () => {
  const a = smallNet("relu", 13).net;
  const b = smallNet("relu", 13).net;
  a.params.forEach((w, l) => assert.deepEqual(w.data, b.params[l].data));
  const c = a.clone();
  c.params[0].data[0] += 1;
  assert.notEqual(c.params[0].data[0], a.params[0].data[0]);
});

test("bad arguments give errors that say what was expected and what came", () => {
  const spec = (sizes: number[], activation = "relu") => ({ sizes, activation: activation as ActivationName, loss: sumOfSquaredErrors });
  const init = normal(1);
  const rng = new Rng(1);
  assert.throws(() => Mlp.initialized(spec([5]), init, rng), /expected at least 2 sizes .*depth ≥ 1.*got \[5\]/);
  assert.throws(() => Mlp.initialized(spec([]), init, rng), /expected at least 2 sizes/);
  assert.throws(() => Mlp.initialized(spec([5, 0, 2]), init, rng), /positive integer, got 0 at position 1 of \[5, 0, 2\]/);
  assert.throws(() => Mlp.initialized(spec([5, 2.5, 2]), init, rng), /positive integer, got 2.5/);
  assert.throws(() => Mlp.initialized(spec([5, 3], "softplus"), init, rng), /unknown activation "softplus": expected one of "relu", "tanh", "sigmoid"/);
  assert.throws(() => Mlp.initialized(spec([5, 3]), (i, o, r) => r.randn(o, i), rng), /initializer returned \(3,5\) for layer 1, expected \(5,3\)/);
  assert.throws(() => new Mlp([], "relu", sumOfSquaredErrors), /at least one weight matrix \(depth ≥ 1\), got an empty list/);
  assert.throws(() => new Mlp([new Matrix(5, 4), new Matrix(3, 2)], "relu", sumOfSquaredErrors), /do not chain: w1 \(5,4\) then w2 \(3,2\) \(expected w2 to have 4 rows\)/);
  assert.throws(() => new Mlp([Matrix.filled(2, 2, NaN)], "relu", sumOfSquaredErrors), /w1: expected finite values, got NaN/);
  const net = Mlp.initialized(spec([5, 3, 2]), init, rng);
  assert.throws(() => net.forward(new Matrix(4, 6)), /input x \(4,6\) and w1 \(5,3\) not aligned: expected shape \(N,5\)/);
  assert.throws(() => net.loss(new Matrix(4, 5), new Matrix(4, 3)), /targets y: expected shape \(4,2\), got \(4,3\)/);
});
