// Every notebook-02 checker on its reference solution, on each listed wrong answer (its hint), and on the placeholder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { TODO } from "../../lib/exercises/check";
import * as ex from "../../lib/exercises/nb02_exercises";
import * as sol from "../../solutions/02_vanishing_and_exploding";
import { expectCorrect, expectHint, expectNotAnswered } from "./verdicts";

test("2.1 tanh spread after ten layers: ten factors of 0.01·√500 pass; off-by-one, ReLU's halving, variance, no √ get hints", () => {
  expectNotAnswered(ex.tanhStdAfterTen.evaluate(TODO));
  expectCorrect(ex.tanhStdAfterTen.evaluate(sol.tanhStdAfterTen));
  const f = 0.01 * Math.sqrt(500);
  expectHint(ex.tanhStdAfterTen.evaluate(f ** 9), /ten factors/);
  expectHint(ex.tanhStdAfterTen.evaluate(f ** 11), /ten, not eleven/);
  expectHint(ex.tanhStdAfterTen.evaluate((f * Math.SQRT1_2) ** 10), /tanh is not ReLU/);
  expectHint(ex.tanhStdAfterTen.evaluate((0.01 ** 2 * 500) ** 10), /variance/);
  expectHint(ex.tanhStdAfterTen.evaluate(0.01 ** 10), /√500 per layer/);
  expectHint(ex.tanhStdAfterTen.evaluate((0.01 * 500) ** 10), /√500 \(not 500\)/);
  expectHint(ex.tanhStdAfterTen.evaluate(0), /positive/);
  const v = ex.tanhStdAfterTen.evaluate(f);
  assert.equal(v.status, "try again");
  assert.match(v.message, /6 order\(s\) of magnitude too large/);
});

test("2.2 dead fraction: columns of zeros pass; zero entries, rows, a count, the alive fraction each get their hint", () => {
  expectNotAnswered(ex.deadFraction.evaluate(TODO));
  expectCorrect(ex.deadFraction.evaluate(sol.deadFraction));
  const zeroEntries = (a: Matrix) => Array.from(a.data).filter((v) => v === 0).length / a.size;
  const zeroRows = (a: Matrix) => a.toArray().filter((r) => r.every((v) => v === 0)).length / a.rows;
  expectHint(ex.deadFraction.evaluate(zeroEntries), /zero entries/);
  expectHint(ex.deadFraction.evaluate(zeroRows), /counts rows/);
  expectHint(ex.deadFraction.evaluate((a) => sol.deadFraction(a) * a.cols), /a count/);
  expectHint(ex.deadFraction.evaluate((a) => 1 - sol.deadFraction(a)), /still alive/);
  const constant = ex.deadFraction.evaluate(() => 0.3); // right on the first batch only
  assert.equal(constant.status, "try again");
  assert.match(constant.message, /6 samples × 12 units/);
});

test("2.3 tanh std: 1/√500 passes (once a reason is given); too small, 1/fan_in, too large each get their hint", () => {
  expectNotAnswered(ex.tanhStdChoice.evaluate(TODO));
  expectCorrect(ex.tanhStdChoice.evaluate(sol.tanhStdChoice));
  expectNotAnswered(ex.tanhStdChoice.evaluate({ std: sol.tanhStdChoice.std, why: TODO }));
  expectHint(ex.tanhStdChoice.evaluate({ std: 0.01, why: "the notebook's" }), /σ·√500.*about 1/);
  expectHint(ex.tanhStdChoice.evaluate({ std: 1 / 500, why: "one over fan_in" }), /1\/fan_in/);
  expectHint(ex.tanhStdChoice.evaluate({ std: 0.1, why: "a bit larger" }), /flat tails/);
  const s = ex.tanhNetAt(sol.tanhStdChoice.std);
  assert.ok(s.hidden[9].activationStd > 0.2 && s.hidden[9].activationStd < 0.25, `layer 10 std ${s.hidden[9].activationStd}`);
});
