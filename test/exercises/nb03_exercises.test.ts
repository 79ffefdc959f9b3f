// Every notebook-03 checker on its reference solution, on each listed wrong answer (its hint), and on the placeholder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Rng } from "../../lib/engine/random";
import { TODO } from "../../lib/exercises/check";
import * as ex from "../../lib/exercises/nb03_exercises";
import * as sol from "../../solutions/03_xavier_and_he";
import { expectCorrect, expectHint, expectNotAnswered } from "./verdicts";

test("3.1 leaky He std: the (1 + a²) formula passes; plain He, fan_out, Xavier, no ½, a variance get their hints", () => {
  expectNotAnswered(ex.leakyHeStd.evaluate(TODO));
  expectCorrect(ex.leakyHeStd.evaluate(sol.leakyHeStd));
  const a2 = 0.1 ** 2;
  expectHint(ex.leakyHeStd.evaluate(Math.sqrt(2 / 500)), /plain ReLU/);
  expectHint(ex.leakyHeStd.evaluate(Math.sqrt(2 / ((1 - a2) * 500))), /not \(1 − a²\)/);
  expectHint(ex.leakyHeStd.evaluate(Math.sqrt(2 / (1.1 * 500))), /enters squared/);
  expectHint(ex.leakyHeStd.evaluate(Math.sqrt(2 / ((1 + a2) * 250))), /fan_in vs fan_out/);
  expectHint(ex.leakyHeStd.evaluate(Math.sqrt(2 / ((1 + a2) * 375))), /Xavier/);
  expectHint(ex.leakyHeStd.evaluate(Math.sqrt(1 / ((1 + a2) * 500))), /forgetting ReLU's ½/);
  expectHint(ex.leakyHeStd.evaluate(2 / ((1 + a2) * 500)), /variance/);
});

test("3.2 He normal initializer: N(0, 2/fan_in) passes; fan_out, Xavier, no 2, variance as std, uniform, Math.random, transposed get hints", () => {
  expectNotAnswered(ex.heNormalInit.evaluate(TODO));
  expectNotAnswered(ex.heNormalInit.evaluate(() => TODO));
  expectCorrect(ex.heNormalInit.evaluate(sol.heNormalInit));
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.randn(i, o, Math.sqrt(2 / o))), /fan_in vs fan_out/);
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.randn(i, o, Math.sqrt(2 / (i + o)))), /Xavier/);
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.randn(i, o, Math.sqrt(1 / i))), /missing factor 2/);
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.randn(i, o, 2 / i)), /square root of the variance/);
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.rand(i, o, -Math.sqrt(6 / i), Math.sqrt(6 / i))), /He uniform/);
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.rand(i, o, -Math.sqrt(2 / i), Math.sqrt(2 / i))), /b²\/3/);
  let calls = 0; // a learner's own generator, ignoring the one passed in: a new draw on every call
  expectHint(ex.heNormalInit.evaluate((i, o) => new Rng(++calls).randn(i, o, Math.sqrt(2 / i))), /rng you are given/);
  expectHint(ex.heNormalInit.evaluate((i, o, r) => r.randn(o, i, Math.sqrt(2 / i))), /\(fan_in, fan_out\)/);
});

test("3.3 a std for 30 ReLU layers: He's passes; Xavier's vanishes, 1 explodes, a bit more overflows, a bit less stalls", () => {
  expectNotAnswered(ex.deepStdChoice.evaluate(TODO));
  expectCorrect(ex.deepStdChoice.evaluate(sol.deepStdChoice));
  expectNotAnswered(ex.deepStdChoice.evaluate({ std: sol.deepStdChoice.std, why: TODO }));
  expectHint(ex.deepStdChoice.evaluate({ std: Math.sqrt(1 / 128), why: "Xavier" }), /29th power/);
  expectHint(ex.deepStdChoice.evaluate({ std: 1, why: "standard normal" }), /compound/);
  expectHint(ex.deepStdChoice.evaluate({ std: 0.14, why: "a bit more than He" }), /slightly too large/);
  expectHint(ex.deepStdChoice.evaluate({ std: 0.11, why: "a bit less than He" }), /29th power/);
  expectHint(ex.deepStdChoice.evaluate({ std: 0.115, why: "a bit less than He" }), /exactly 1 for ReLU/);
});
