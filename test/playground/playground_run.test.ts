import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../../lib/engine/random";
import { heNormal } from "../../lib/init/presets";
import { roundToFloat32 } from "../../lib/tfjs/convert";
import { PlaygroundRun, PlaygroundStep } from "../../lib/playground/playground_run";

before(async () => {
  await tf.setBackend("cpu");
});

function train(spec: ConstructorParameters<typeof PlaygroundRun>[0]): { run: PlaygroundRun; steps: PlaygroundStep[] } {
  const run = new PlaygroundRun(spec);
  const steps: PlaygroundStep[] = [];
  while (!run.done) steps.push(run.step());
  return { run, steps };
}

test("the playground's weights are the course's own He draw, from the same seeded generator, rounded to float32", () => {
  const run = new PlaygroundRun({ init: "He", depth: 3, width: 8, inputDim: 5, outputDim: 2, batchSize: 4, seed: 9, steps: 0 });
  const rng = new Rng(9);
  rng.randn(4, 5);
  rng.randn(4, 2);
  const w1 = roundToFloat32(heNormal()(5, 8, rng.fork()));
  assert.deepEqual(Array.from(run.weight(0).data), Array.from(w1.data));
  run.dispose();
});

test("10 ReLU layers: He learns (loss falls more than 5× in 100 steps), N(0, 0.01²) does not move, zeros cannot", () => {
  const before = tf.memory().numTensors;
  const he = train({ init: "He", steps: 100 });
  const small = train({ init: "small N(0,0.01²)", steps: 100 });
  const zeros = train({ init: "zeros", steps: 100 });
  const ratio = (s: PlaygroundStep[]) => s[0].loss / s[s.length - 1].loss;
  assert.equal(he.steps.length, 101);
  assert.ok(ratio(he.steps) > 5, `He's loss fell only ${ratio(he.steps)}×`);
  assert.ok(Math.abs(ratio(small.steps) - 1) < 1e-4, `N(0, 0.01²)'s loss changed by ${ratio(small.steps)}×`);
  assert.equal(zeros.steps[0].loss, zeros.steps[100].loss);
  // He keeps every layer's spread within a factor 2 of layer 1's; the small draw loses ~0.07 per layer.
  const heStd = he.steps[0].layerStd;
  assert.ok(heStd.every((s) => s > heStd[0] / 2 && s < heStd[0] * 2), `He layer stds ${heStd}`);
  assert.ok(small.steps[0].layerStd[9] < 1e-10, `small draw's layer 10 std ${small.steps[0].layerStd[9]}`);
  for (const r of [he, small, zeros]) r.run.dispose();
  assert.equal(tf.memory().numTensors, before, "the runs leaked tensors");
});

test("N(0, 1) on 10 ReLU layers diverges, and the run says at which step", () => {
  const { run, steps } = train({ init: "naive N(0,1)" });
  assert.ok(steps[0].loss > 1e12, `initial loss ${steps[0].loss}`);
  assert.equal(run.divergedAtStep, steps.length - 1);
  assert.ok(!Number.isFinite(steps[steps.length - 1].loss));
  assert.throws(() => run.step(), /the run is over \(diverged at step \d+\)/);
  run.dispose();
});

test("the playground names what it expected", () => {
  assert.throws(() => new PlaygroundRun({ init: "Glorot" }), /unknown initializer "Glorot": expected one of "zeros", "naive N\(0,1\)", "small N\(0,0.01²\)", "Xavier", "He"/);
  assert.throws(() => new PlaygroundRun({ depth: 0 }), /expected depth to be a positive integer, got 0/);
  assert.throws(() => new PlaygroundRun({ activation: "sigmoid" as "relu" }), /expected activation "relu" or "tanh", got "sigmoid"/);
});
