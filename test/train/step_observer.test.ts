import { test } from "node:test";
import assert from "node:assert/strict";
import { Rng } from "../../lib/engine/random";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { Mlp } from "../../lib/nn/mlp";
import { sumOfSquaredErrors } from "../../lib/nn/sum_of_squares_loss";
import { trainGradientDescent } from "../../lib/train/gradient_descent";
import { trainThreeLayerFast } from "../../lib/train/fast_three_layer_step";
import { trainMinibatchSgd } from "../../lib/train/minibatch_sgd";
import { runToFate } from "../../lib/experiments/nb01_fate";
import { observeSteps, reportStep } from "../../lib/train/step_observer";
import { progress, trackedStepText } from "../../lib/plot/display";

function smallProblem(seed: number) {
  const rng = new Rng(seed);
  const net = new ThreeLayerNet({ w1: rng.randn(6, 5, 0.4), w2: rng.randn(5, 4, 0.4), w3: rng.randn(4, 3, 0.4) });
  return { net, x: rng.randn(8, 6), y: rng.randn(8, 3) };
}

type Seen = [number, number, number][];
function observed(fn: () => { loss: number[] }): { seen: Seen; loss: number[] } {
  const seen: Seen = [];
  const r = observeSteps((step, steps, loss) => seen.push([step, steps, loss]), fn);
  return { seen, loss: r.loss };
}

test("every training loop reports each step to the observer, with the loss it recorded", () => {
  const loops: [string, () => { loss: number[] }, number][] = [
    ["trainGradientDescent", () => { const p = smallProblem(1); return trainGradientDescent(p.net, p.x, p.y, { learningRate: 1e-3, steps: 7 }); }, 7],
    ["trainThreeLayerFast", () => { const p = smallProblem(1); return trainThreeLayerFast(p.net, p.x, p.y, { learningRate: 1e-3, steps: 7 }); }, 7],
    ["trainMinibatchSgd", () => {
      const rng = new Rng(2);
      const net = new Mlp([rng.randn(6, 5, 0.5), rng.randn(5, 3, 0.5)], "relu", sumOfSquaredErrors);
      return trainMinibatchSgd(net, rng.randn(16, 6), rng.randn(16, 3), { learningRate: 1e-3, steps: 5, batchSize: 4, rng });
    }, 5],
    ["runToFate (steps + 1 measurements)", () => { const p = smallProblem(1); return runToFate(p.net, p.x, p.y, 1e-3, 6); }, 7],
  ];
  for (const [name, fn, total] of loops) {
    const { seen, loss } = observed(fn);
    assert.equal(seen.length, total, name);
    assert.deepEqual(seen.map(([s]) => s), loss.map((_, i) => i), name);
    assert.ok(seen.every(([, steps]) => steps === total), `${name}: steps ${seen.map(([, s]) => s)}`);
    assert.deepEqual(seen.map(([, , l]) => l), loss, name);
  }
});

test("observers nest and are removed afterwards, also when fn throws", () => {
  const outer: number[] = [];
  const inner: number[] = [];
  observeSteps((s) => outer.push(s), () => {
    reportStep(0, 2, 1);
    observeSteps((s) => inner.push(s), () => reportStep(1, 2, 1));
    reportStep(1, 2, 1);
  });
  reportStep(5, 6, 1); // nobody observes now
  assert.deepEqual(outer, [0, 1]);
  assert.deepEqual(inner, [1]);
  assert.throws(() => observeSteps(() => outer.push(99), () => { throw new Error("boom"); }), /boom/);
  reportStep(0, 1, 1);
  assert.deepEqual(outer, [0, 1]);
  assert.throws(() => observeSteps(null as never, () => 1), /expected an observer function, got object/);
});

test("track's line: run k/n, step s/S and the loss, and the bar's fraction over all runs", () => {
  assert.deepEqual(trackedStepText(2, 4, 149, 300, 0.12345), { text: "run 2/4, step 150/300, loss 1.235e-1", fraction: 0.375 });
  assert.deepEqual(trackedStepText(3, 0, 0, 10, Infinity), { text: "run 3, step 1/10, loss Infinity" });
});

test("outside a kernel track just returns fn's value, and progress needs a label", () => {
  assert.equal(progress("runs").track(() => 42, 3), 42);
  assert.throws(() => progress("runs").track(() => 1, -1), /runs must be a whole number ≥ 0, got -1/);
  assert.throws(() => progress(""), /expected a non-empty label/);
});
