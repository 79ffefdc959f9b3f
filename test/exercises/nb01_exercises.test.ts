// Every notebook-01 checker on its reference solution (correct), on each listed wrong answer (its own hint), and on the
// placeholder (not answered, no throw). The wrong answers are written the way a learner would write them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { matmul } from "../../lib/engine/matmul";
import { map, mul, scale, sub } from "../../lib/engine/elementwise";
import { gradientCheck } from "../../lib/train/gradient_check";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { TODO, Verdict } from "../../lib/exercises/check";
import * as ex from "../../lib/exercises/nb01_exercises";
import * as sol from "../../solutions/01_three_layer_network";
import { expectCorrect, expectHint, expectNotAnswered } from "./verdicts";

test("1.1 initial loss: the derivation passes; each classic slip gets its hint; never prints the measured loss", () => {
  expectCorrect(ex.initialLoss.evaluate(sol.initialLoss));
  expectNotAnswered(ex.initialLoss.evaluate(TODO));
  const noHalving = 128 * 10 * 1000 * 100 * 100;
  expectHint(ex.initialLoss.evaluate(noHalving), /four times.*Both hidden layers/);
  expectHint(ex.initialLoss.evaluate(noHalving / 2), /twice too large.*halve only once/);
  expectHint(ex.initialLoss.evaluate(sol.initialLoss / 2), /output layer.*linear/);
  expectHint(ex.initialLoss.evaluate(sol.initialLoss / 10), /10 outputs/);
  expectHint(ex.initialLoss.evaluate(sol.initialLoss / 128), /128 samples/);
  expectHint(ex.initialLoss.evaluate(sol.initialLoss / 1280), /not a mean/);
  expectHint(ex.initialLoss.evaluate(Math.sqrt(sol.initialLoss)), /standard deviation/);
  expectHint(ex.initialLoss.evaluate(1248), /predicting exactly 0/);
  expectHint(ex.initialLoss.evaluate(-5), /positive/);
  const far = ex.initialLoss.evaluate(1e20);
  assert.equal(far.status, "try again");
  assert.match(far.message, /10 order\(s\) of magnitude too large/);
  for (const v of [ex.initialLoss.evaluate(noHalving), far, ex.initialLoss.evaluate(sol.initialLoss)]) {
    assert.doesNotMatch(v.message + (v.hint ?? ""), /3\.8|3815|3\.2e|e\+9/, "a verdict must not print the measured loss");
  }
  expectTryAgain(ex.initialLoss.evaluate("3e9" as unknown as number), /finite number; got the string/);
});

function expectTryAgain(v: Verdict, message: RegExp) {
  assert.equal(v.status, "try again", v.message);
  assert.match(v.message, message);
}

test("1.2 loss gradient: reference passes; missing 2, flipped sign, a mean, the squared error each get their hint", () => {
  expectCorrect(ex.lossGradient.evaluate(sol.lossGradient));
  expectNotAnswered(ex.lossGradient.evaluate(TODO));
  expectNotAnswered(ex.lossGradient.evaluate(() => TODO));
  expectHint(ex.lossGradient.evaluate((p, y) => sub(p, y)), /missing factor 2/);
  expectHint(ex.lossGradient.evaluate((p, y) => scale(sub(y, p), 2)), /sign is flipped: L grows/);
  expectHint(ex.lossGradient.evaluate((p, y) => sub(y, p)), /sign is flipped, and a factor/);
  expectHint(ex.lossGradient.evaluate((p, y) => scale(sub(p, y), 2 / p.rows)), /batch size/);
  expectHint(ex.lossGradient.evaluate((p, y) => scale(sub(p, y), 2 / p.size)), /number of entries/);
  expectHint(ex.lossGradient.evaluate((p, y) => mul(sub(p, y), sub(p, y))), /squared error/);
  expectTryAgain(ex.lossGradient.evaluate(() => { throw new Error("oops"); }), /threw an error: oops/);
  expectTryAgain(ex.lossGradient.evaluate((p) => p.toArray() as unknown as Matrix), /should be a Matrix of shape \(6,4\); got an array/);
  expectTryAgain(ex.lossGradient.evaluate(() => Matrix.zeros(6, 4)), /right shape but the wrong values/);
});

test("1.3 ReLU backward: reference passes; no mask, mask alone, dout's mask, inverted mask, times h get their hints", () => {
  expectCorrect(ex.reluBackward.evaluate(sol.reluBackward));
  expectNotAnswered(ex.reluBackward.evaluate(TODO));
  const mask = (h: Matrix) => map(h, (v) => (v > 0 ? 1 : 0));
  expectHint(ex.reluBackward.evaluate((d) => d), /no mask/);
  expectHint(ex.reluBackward.evaluate((_d, h) => mask(h)), /mask \[h > 0\] alone/);
  expectHint(ex.reluBackward.evaluate((d) => mul(d, mask(d))), /sign of dout/);
  expectHint(ex.reluBackward.evaluate((d, h) => sub(d, mul(d, mask(h)))), /inverted/);
  expectHint(ex.reluBackward.evaluate((d, h) => mul(d, h)), /not h/);
  expectTryAgain(ex.reluBackward.evaluate(() => Matrix.zeros(7, 5)), /transpose of the expected \(5,7\)/);
});

test("1.4 dense backward: reference passes; transposed dw, averaged dw and a wrong dx are caught", () => {
  expectCorrect(ex.denseBackward.evaluate(sol.denseBackward));
  expectNotAnswered(ex.denseBackward.evaluate(TODO));
  expectNotAnswered(ex.denseBackward.evaluate(() => ({ dw: TODO, dx: TODO })));
  const dx = (d: Matrix, w: Matrix) => matmul(d, w, { transB: true });
  expectHint(ex.denseBackward.evaluate((d, x, w) => ({ dw: matmul(d, x, { transA: true }), dx: dx(d, w) })), /transposed product/);
  expectHint(ex.denseBackward.evaluate((d, x, w) => ({ dw: scale(matmul(x, d, { transA: true }), 1 / x.rows), dx: dx(d, w) })), /batch size/);
  expectTryAgain(ex.denseBackward.evaluate((d, x, w) => ({ dw: matmul(x, d, { transA: true }), dx: matmul(d, w) })), /threw an error: .*not aligned/);
  expectTryAgain(ex.denseBackward.evaluate((d, x, w) => ({ dw: matmul(x, d, { transA: true }), dx: scale(dx(d, w), 2) })), /dx has the right shape but the wrong values/);
  expectTryAgain(ex.denseBackward.evaluate((d, x) => matmul(x, d, { transA: true }) as never), /expected an object \{ dw, dx \}/);
});

test("1.5 planted bug: the check flags only w1; blaming another weight or checking the wrong gradients gets a hint", () => {
  const answer = sol.catchPlantedBug();
  expectCorrect(ex.catchPlantedBug.evaluate(answer));
  assert.ok(answer.report[0].maxRelativeError > 1e-2, `w1 error ${answer.report[0].maxRelativeError}`);
  assert.ok(answer.report[1].maxRelativeError < 1e-6 && answer.report[2].maxRelativeError < 1e-6);
  expectNotAnswered(ex.catchPlantedBug.evaluate(TODO));
  expectNotAnswered(ex.catchPlantedBug.evaluate({ report: answer.report, broken: TODO }));
  expectHint(ex.catchPlantedBug.evaluate({ ...answer, broken: "w2" }), /maxRelativeError per weight/);
  const buggy = ex.plantedBugProblem();
  const honest = new ThreeLayerNet(buggy.net.weights); // the same weights, correct gradients
  expectHint(ex.catchPlantedBug.evaluate({ report: gradientCheck(honest, buggy.x, buggy.y), broken: "w1" }), /buggy net/);
  expectTryAgain(ex.catchPlantedBug.evaluate({ report: [] as never, broken: "w1" }), /one entry per weight/);
});

test("check() prints one verdict line (plus a hint line) and never throws, whatever it is given", () => {
  const lines: string[] = [];
  const original = console.log;
  console.log = (s: string) => lines.push(s);
  try {
    ex.initialLoss.check(TODO);
    ex.lossGradient.check(((p: Matrix, y: Matrix) => sub(p, y)) as never);
    ex.reluBackward.check(42 as never);
  } finally {
    console.log = original;
  }
  assert.match(lines[0], /^Exercise 1\.1 — not answered yet: replace course\.exercises\.TODO/);
  assert.match(lines[1], /^Exercise 1\.2 ✗ try again: .*\n  hint: missing factor 2/);
  assert.match(lines[2], /^Exercise 1\.3 ✗ try again: expected a function/);
});
