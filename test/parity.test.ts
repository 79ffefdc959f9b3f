// Parity with numpy: the same inputs and initial weights (written by scripts/make_parity_fixtures.py into
// data/parity/) run through lib's ThreeLayerNet and trainGradientDescent must give numpy's loss at every step
// and numpy's gradients at step 0, to 1e-9 relative. Both sum the same products in different orders, so they
// agree to rounding (~1e-15), not bit for bit; 1e-9 leaves room for that and for nothing else.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Matrix } from "../lib/engine/matrix";
import { MatmulKernelName, getMatmulKernel, setMatmulKernel } from "../lib/engine/matmul";
import { readNpyMatrix } from "../lib/data/npy";
import { ThreeLayerNet } from "../lib/nn/three_layer_net";
import { trainGradientDescent } from "../lib/train/gradient_descent";

const ROOT = path.resolve(__dirname, "../.."); // compiled to build/test/
const PARITY = path.join(ROOT, "data/parity");
const TOLERANCE = 1e-9;

interface Run {
  setup: string;
  learning_rate: number;
  steps: number;
  loss: number[];
  dead_fraction: number[][];
  sum_y_squared: number;
}

function load(setup: string) {
  const dir = path.join(PARITY, setup);
  const w = (name: string, shape: [number, number]) => readNpyMatrix(path.join(dir, `${name}.npy`), shape);
  return {
    run: JSON.parse(readFileSync(path.join(dir, "run.json"), "utf8")) as Run,
    x: readNpyMatrix(path.join(PARITY, "x.npy"), [128, 1000]),
    y: readNpyMatrix(path.join(PARITY, "y.npy"), [128, 10]),
    net: () => new ThreeLayerNet({ w1: w("w1", [1000, 100]), w2: w("w2", [100, 100]), w3: w("w3", [100, 10]) }),
    grads: [w("grad_w1", [1000, 100]), w("grad_w2", [100, 100]), w("grad_w3", [100, 10])],
  };
}

/** |a − b| / |reference|, with 0 when both are 0 (not gradient_check's symmetric relativeError). */
function errorRelativeTo(a: number, reference: number): number {
  return a === reference ? 0 : Math.abs(a - reference) / Math.abs(reference);
}

/** Scale-aware matrix error: max |a − b| over max |b|, so entries near zero are judged against the matrix's scale. */
function matrixError(a: Matrix, b: Matrix): number {
  assert.deepEqual(a.shape, b.shape);
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < b.size; k++) {
    diff = Math.max(diff, Math.abs(a.data[k] - b.data[k]));
    scale = Math.max(scale, Math.abs(b.data[k]));
  }
  return scale === 0 ? diff : diff / scale;
}

for (const setup of ["tutorial", "he"]) {
  test(`${setup}: step-0 loss and gradients match numpy to ${TOLERANCE} relative`, (t) => {
    const { run, x, y, net, grads } = load(setup);
    const { loss, grads: ours } = net().lossAndGradients(x, y);
    const lossError = errorRelativeTo(loss, run.loss[0]);
    const gradErrors = ours.map((g, i) => matrixError(g, grads[i]));
    t.diagnostic(`${setup}: loss[0] ${loss} (rel. error ${lossError.toExponential(2)}); ` +
      `gradient errors w1 ${gradErrors[0].toExponential(2)}, w2 ${gradErrors[1].toExponential(2)}, w3 ${gradErrors[2].toExponential(2)}`);
    assert.ok(lossError <= TOLERANCE, `loss[0]: ours ${loss}, numpy ${run.loss[0]}, relative error ${lossError}`);
    gradErrors.forEach((e, i) => assert.ok(e <= TOLERANCE, `grad w${i + 1}: max|ours − numpy| / max|numpy| = ${e}`));
  });

  test(`${setup}: the loss at every training step matches numpy to ${TOLERANCE} relative`, (t) => {
    const { run, x, y, net } = load(setup);
    const history = trainGradientDescent(net(), x, y, { learningRate: run.learning_rate, steps: run.steps });
    assert.equal(history.divergedAtStep, null);
    assert.equal(history.loss.length, run.steps);
    const errors = history.loss.map((l, s) => errorRelativeTo(l, run.loss[s]));
    const worst = errors.reduce((w, e, s) => (e > errors[w] ? s : w), 0);
    t.diagnostic(`${setup}: ${run.steps} steps at lr ${run.learning_rate}; loss ${history.loss[0]} -> ${history.loss[run.steps - 1]}; ` +
      `max rel. error ${errors[worst].toExponential(2)} at step ${worst}`);
    const firstBad = errors.findIndex((e) => e > TOLERANCE);
    assert.equal(firstBad, -1, firstBad < 0 ? "" :
      `step ${firstBad}: ours ${history.loss[firstBad]}, numpy ${run.loss[firstBad]}, relative error ${errors[firstBad]}`);
    // Dead units are counts over sign tests: a unit whose sign flipped between the engines would show here first.
    assert.deepEqual(history.stalledFraction, run.dead_fraction);
  });
}

// The engine has several matmul kernels that sum in different orders (lib/engine/matmul.ts); numpy's numbers must
// come out of each. The readable naive kernel is slow (~0.25 s a step here), so it runs the first steps only.
for (const [kernel, stepsCap] of [["tiled", Infinity], ["naive", 5]] as [MatmulKernelName, number][]) {
  test(`with the ${kernel} matmul kernel, ${stepsCap === Infinity ? "every step's loss matches" : `the first ${stepsCap} steps' losses match`} numpy too`, (t) => {
    const before = getMatmulKernel();
    setMatmulKernel(kernel);
    t.after(() => setMatmulKernel(before));
    for (const setup of ["tutorial", "he"]) {
      const { run, x, y, net } = load(setup);
      const steps = Math.min(run.steps, stepsCap);
      const history = trainGradientDescent(net(), x, y, { learningRate: run.learning_rate, steps });
      assert.equal(history.loss.length, steps);
      const errors = history.loss.map((l, s) => errorRelativeTo(l, run.loss[s]));
      const max = Math.max(...errors);
      t.diagnostic(`${kernel}, ${setup}: ${steps} steps, max rel. error ${max.toExponential(2)}`);
      assert.ok(max <= TOLERANCE, `${setup}: max relative error ${max} at step ${errors.indexOf(max)}`);
    }
  });
}

// The fixtures are what the parity claims rely on: (a) the tutorial's blow-up and death, (b) real learning.
test("fixture (a) shows the tutorial's fate: loss ~3e9, then the second hidden layer dies and the loss sits at Σy²", () => {
  const { run, y } = load("tutorial");
  assert.equal(run.learning_rate, 1e-6);
  const sumY2 = y.data.reduce((s, v) => s + v * v, 0);
  assert.ok(errorRelativeTo(run.sum_y_squared, sumY2) < 1e-12);
  assert.ok(run.loss[0] > 1.6e9 && run.loss[0] < 6.4e9, `loss[0] ${run.loss[0]} is not within 2x of 3.2e9`);
  const last = run.steps - 1;
  assert.deepEqual(run.dead_fraction[last], [0, 1]);
  assert.ok(errorRelativeTo(run.loss[last], sumY2) < 1e-12, `last loss ${run.loss[last]} vs Σy² ${sumY2}`);
});

test("fixture (b) learns: with He init the loss falls by more than three orders of magnitude", () => {
  const { run } = load("he");
  const fall = run.loss[0] / run.loss[run.steps - 1];
  assert.ok(fall > 1e3, `the loss fell only ${fall}x`);
});
