import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import {
  DISTRIBUTIONS,
  FAN_MODES,
  TRUNCATED_STD_RATIO,
  VarianceScalingOptions,
  fixedNormal,
  varianceScaling,
  varianceScalingVariance,
} from "../../lib/init/variance_scaling";
import { sampleMoments, varianceBound } from "./sampling";

const FAN_IN = 400;
const FAN_OUT = 300; // different from FAN_IN, so a wrong mode gives a variance off by 14% or more

// The variance the formula promises, written out independently of the library.
function expectedVariance(scale: number, mode: string): number {
  const n = mode === "fan_in" ? FAN_IN : mode === "fan_out" ? FAN_OUT : (FAN_IN + FAN_OUT) / 2;
  return scale / n;
}

for (const mode of FAN_MODES) {
  for (const distribution of DISTRIBUTIONS) {
    test(`varianceScaling ${mode} ${distribution}: empirical variance matches scale/n within the sampling bound`, () => {
      const scale = 2;
      const w = varianceScaling({ scale, mode, distribution })(FAN_IN, FAN_OUT, new Rng(11));
      assert.deepEqual(w.shape, [FAN_IN, FAN_OUT]);
      const target = expectedVariance(scale, mode);
      const { mean, variance } = sampleMoments(w);
      const tol = varianceBound(w.size);
      assert.ok(Math.abs(variance / target - 1) < tol, `variance ${variance} vs ${target}: relative error above ${tol}`);
      assert.ok(Math.abs(mean) < 5 * Math.sqrt(target / w.size), `mean ${mean} too far from 0`);
      assert.equal(varianceScalingVariance({ scale, mode, distribution }, FAN_IN, FAN_OUT), target);
    });
  }
}

test("the sampling bound is tight enough to tell the modes apart", () => {
  // A fan_avg draw must fail the check against the fan_in formula: the test above could catch a wrong mode.
  const w = varianceScaling({ scale: 1, mode: "fan_avg", distribution: "normal" })(FAN_IN, FAN_OUT, new Rng(3));
  const { variance } = sampleMoments(w);
  assert.ok(Math.abs(variance / expectedVariance(1, "fan_in") - 1) > varianceBound(w.size));
});

test("the same seed gives the same weights; another seed gives others", () => {
  for (const distribution of DISTRIBUTIONS) {
    const init = varianceScaling({ scale: 1, mode: "fan_in", distribution });
    const a = init(50, 40, new Rng(7));
    const b = init(50, 40, new Rng(7));
    const c = init(50, 40, new Rng(8));
    assert.deepEqual(a.data, b.data);
    assert.notDeepEqual(a.data, c.data);
  }
});

test("uniform draws stay inside ±sqrt(3·scale/n) and come close to both ends", () => {
  const scale = 2;
  const w = varianceScaling({ scale, mode: "fan_in", distribution: "uniform" })(FAN_IN, FAN_OUT, new Rng(5));
  const limit = Math.sqrt((3 * scale) / FAN_IN);
  let lo = Infinity, hi = -Infinity;
  for (const v of w.data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  assert.ok(lo >= -limit && hi <= limit, `range [${lo}, ${hi}] outside ±${limit}`);
  assert.ok(lo < -0.999 * limit && hi > 0.999 * limit, `range [${lo}, ${hi}] does not reach ±${limit}`);
});

test("truncated normal draws stay within 2 of their pre-cut std and none is cut short", () => {
  const scale = 1;
  const w = varianceScaling({ scale, mode: "fan_avg", distribution: "truncated_normal" })(FAN_IN, FAN_OUT, new Rng(9));
  const sigma = Math.sqrt(expectedVariance(scale, "fan_avg")) / TRUNCATED_STD_RATIO;
  let m = 0;
  for (const v of w.data) m = Math.max(m, Math.abs(v));
  assert.ok(m <= 2 * sigma, `max |w| ${m} beyond 2σ = ${2 * sigma}`);
  assert.ok(m > 1.99 * sigma, `max |w| ${m}: draws should reach the cut at ${2 * sigma}`);
});

test("TRUNCATED_STD_RATIO is the std of N(0,1) cut at ±2 (Simpson's rule)", () => {
  const phi = (z: number): number => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
  const steps = 2000, h = 4 / steps;
  let mass = 0, second = 0;
  for (let i = 0; i <= steps; i++) {
    const z = -2 + i * h;
    const wgt = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    mass += wgt * phi(z);
    second += wgt * z * z * phi(z);
  }
  assert.ok(Math.abs(Math.sqrt(second / mass) - TRUNCATED_STD_RATIO) < 1e-10);
});

test("fixedNormal has std as given whatever the fans", () => {
  const w = fixedNormal(0.01)(FAN_IN, FAN_OUT, new Rng(2));
  const { variance } = sampleMoments(w);
  assert.ok(Math.abs(variance / 1e-4 - 1) < varianceBound(w.size));
});

test("bad options, fans and generators are rejected with what was expected and what came", () => {
  const ok: VarianceScalingOptions = { scale: 1, mode: "fan_in", distribution: "normal" };
  assert.throws(() => varianceScaling({ ...ok, scale: 0 }), /expected a positive finite scale, got 0/);
  assert.throws(() => varianceScaling({ ...ok, scale: -2 }), /positive finite scale, got -2/);
  assert.throws(() => varianceScaling({ ...ok, scale: NaN }), /positive finite scale, got NaN/);
  assert.throws(() => varianceScaling({ ...ok, mode: "fan_sum" as never }), /mode to be one of fan_in, fan_out, fan_avg, got "fan_sum"/);
  assert.throws(
    () => varianceScaling({ ...ok, distribution: "gaussian" as never }),
    /distribution to be one of normal, truncated_normal, uniform, got "gaussian"/,
  );
  const init = varianceScaling(ok);
  assert.throws(() => init(0, 10, new Rng(1)), /expected positive integer fans \(fanIn, fanOut\), got \(0,10\)/);
  assert.throws(() => init(10, 2.5, new Rng(1)), /got \(10,2.5\)/);
  assert.throws(() => init(10, 10, undefined as never), /expected an Rng/);
  assert.throws(() => fixedNormal(-1), /positive finite std, got -1/);
  assert.throws(() => fixedNormal(1)(3, -1, new Rng(1)), /got \(3,-1\)/);
});

test("draws are a Matrix of the requested shape", () => {
  const w = varianceScaling({ scale: 1, mode: "fan_out", distribution: "truncated_normal" })(3, 5, new Rng(1));
  assert.ok(w instanceof Matrix);
  assert.deepEqual(w.shape, [3, 5]);
});
