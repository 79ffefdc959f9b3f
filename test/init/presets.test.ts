import { test } from "node:test";
import assert from "node:assert/strict";
import { Rng } from "../../lib/engine/random";
import { Initializer } from "../../lib/init/initializer";
import {
  heNormal,
  heUniform,
  lecunNormal,
  naiveNormal,
  smallNormal,
  standardInitializer,
  standardInitializers,
  xavierNormal,
  xavierUniform,
} from "../../lib/init/presets";
import { sampleMoments, varianceBound } from "./sampling";

const FAN_IN = 400;
const FAN_OUT = 300;

// Each preset's variance by its paper's formula (bound: see ./sampling.ts).
const cases: [string, Initializer, number][] = [
  ["naive N(0,1)", naiveNormal(), 1],
  ["small N(0,0.01²)", smallNormal(0.01), 1e-4],
  ["small N(0,0.1²)", smallNormal(0.1), 1e-2],
  ["LeCun normal: 1/fan_in", lecunNormal(), 1 / FAN_IN],
  ["Xavier normal: 2/(fan_in+fan_out)", xavierNormal(), 2 / (FAN_IN + FAN_OUT)],
  ["Xavier uniform: 2/(fan_in+fan_out)", xavierUniform(), 2 / (FAN_IN + FAN_OUT)],
  ["He normal: 2/fan_in", heNormal(), 2 / FAN_IN],
  ["He normal fan_out: 2/fan_out", heNormal("fan_out"), 2 / FAN_OUT],
  ["He uniform: 2/fan_in", heUniform(), 2 / FAN_IN],
  ["He uniform fan_out: 2/fan_out", heUniform("fan_out"), 2 / FAN_OUT],
];

for (const [name, init, target] of cases) {
  test(`${name}: empirical variance of a ${FAN_IN}x${FAN_OUT} draw within ${(varianceBound(FAN_IN * FAN_OUT) * 100).toFixed(1)}%`, () => {
    const w = init(FAN_IN, FAN_OUT, new Rng(21));
    const { mean, variance } = sampleMoments(w);
    assert.ok(Math.abs(variance / target - 1) < varianceBound(w.size), `variance ${variance}, formula ${target}`);
    assert.ok(Math.abs(mean) < 5 * Math.sqrt(target / w.size), `mean ${mean}`);
  });
  test(`${name}: same seed, same weights`, () => {
    assert.deepEqual(init(30, 20, new Rng(4)).data, init(30, 20, new Rng(4)).data);
  });
}

test("uniform presets stay within their bounds: Xavier sqrt(6/(fan_in+fan_out)), He sqrt(6/fan_in)", () => {
  const bounds: [Initializer, number][] = [
    [xavierUniform(), Math.sqrt(6 / (FAN_IN + FAN_OUT))],
    [heUniform(), Math.sqrt(6 / FAN_IN)],
    [heUniform("fan_out"), Math.sqrt(6 / FAN_OUT)],
  ];
  for (const [init, b] of bounds) {
    const w = init(FAN_IN, FAN_OUT, new Rng(8));
    let m = 0;
    for (const v of w.data) m = Math.max(m, Math.abs(v));
    assert.ok(m <= b && m > 0.999 * b, `max |w| ${m}, bound ${b}`);
  }
});

test("He takes only fan_in or fan_out", () => {
  assert.throws(() => heNormal("fan_avg" as never), /heNormal: expected mode "fan_in" or "fan_out", got "fan_avg"/);
  assert.throws(() => heUniform("in" as never), /heUniform: expected mode "fan_in" or "fan_out", got "in"/);
  assert.throws(() => smallNormal(0), /positive finite std, got 0/);
});

test("standardInitializers lists each preset once, by name", () => {
  const names = standardInitializers().map((p) => p.name);
  assert.deepEqual(names, ["naive N(0,1)", "small N(0,0.01²)", "LeCun", "Xavier", "He"]);
});

test("standardInitializers' formulas agree with their draws, and lookup by name names the known ones", () => {
  for (const p of standardInitializers()) {
    const w = p.init(FAN_IN, FAN_OUT, new Rng(30));
    const { variance } = sampleMoments(w);
    assert.ok(Math.abs(variance / p.variance(FAN_IN, FAN_OUT) - 1) < varianceBound(w.size), p.name);
  }
  assert.equal(standardInitializer("He").formula, "2/fan_in");
  assert.throws(() => standardInitializer("Kaiming"), /unknown initializer "Kaiming": expected one of "naive N\(0,1\)", .*"He"/);
});
