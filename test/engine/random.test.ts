import { test } from "node:test";
import assert from "node:assert/strict";
import { Rng } from "../../lib/engine/random";

test("the same seed gives the same stream; another seed another stream", () => {
  const a = new Rng(42), b = new Rng(42), c = new Rng(43);
  const xa = Array.from({ length: 100 }, () => a.normal());
  const xb = Array.from({ length: 100 }, () => b.normal());
  const xc = Array.from({ length: 100 }, () => c.normal());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
});

test("nextUint32 matches an independent BigInt implementation of xoshiro128** for several seeds", () => {
  for (const seed of [0, 1, 12345, 2 ** 31 + 7]) {
    const r = new Rng(seed);
    const ints = Array.from({ length: 1000 }, () => r.nextUint32());
    assert.deepEqual(ints, xoshiro128StarStarReference(seed, 1000));
  }
});

test("uniform01 lies in [0, 1) with mean 1/2 and variance 1/12 (5-sigma bounds)", () => {
  const r = new Rng(7);
  const n = 200_000;
  let s = 0, s2 = 0, lo = 1, hi = 0;
  for (let i = 0; i < n; i++) {
    const u = r.uniform01();
    s += u; s2 += u * u;
    lo = Math.min(lo, u); hi = Math.max(hi, u);
  }
  assert.ok(lo >= 0 && hi < 1);
  const mean = s / n, variance = s2 / n - mean * mean;
  assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / n), `mean ${mean}`);
  assert.ok(Math.abs(variance - 1 / 12) < 5 * Math.sqrt(1 / 180 / n), `variance ${variance}`);
});

test("normal draws have the requested mean and std (5-sigma bounds) and a Gaussian fourth moment", () => {
  const r = new Rng(11);
  const n = 200_000, mu = 3, sd = 2;
  const xs = Array.from({ length: n }, () => r.normal(mu, sd));
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  const kurtosis = xs.reduce((a, x) => a + (x - mean) ** 4, 0) / n / variance ** 2;
  assert.ok(Math.abs(mean - mu) < 5 * sd / Math.sqrt(n), `mean ${mean}`);
  // Var of the sample variance of a normal is 2σ⁴/n.
  assert.ok(Math.abs(variance - sd * sd) < 5 * Math.sqrt(2 / n) * sd * sd, `variance ${variance}`);
  assert.ok(Math.abs(kurtosis - 3) < 0.1, `kurtosis ${kurtosis}`);
});

test("randn fills a matrix row by row from the stream", () => {
  const m = new Rng(5).randn(3, 4, 0.5);
  const r = new Rng(5);
  const expected = Array.from({ length: 12 }, () => r.normal(0, 0.5));
  assert.deepEqual(Array.from(m.data), expected);
});

test("permutation is a permutation, and seeds must be non-negative integers", () => {
  const p = new Rng(3).permutation(50);
  assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  assert.throws(() => new Rng(-1), /non-negative integer seed, got -1/);
  assert.throws(() => new Rng(1.5), /got 1.5/);
});

// An independent xoshiro128** written with BigInt arithmetic, seeded by the same splitmix32 as lib/engine/random.ts.
function xoshiro128StarStarReference(seed: number, count: number): number[] {
  const M = 0xffffffffn;
  let z = BigInt(seed);
  const splitmix = (): bigint => {
    z = (z + 0x9e3779b9n) & M;
    let t = z;
    t = ((t ^ (t >> 16n)) * 0x85ebca6bn) & M;
    t = ((t ^ (t >> 13n)) * 0xc2b2ae35n) & M;
    return (t ^ (t >> 16n)) & M;
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()];
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1] * 5n) & M, 7n) * 9n) & M));
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

test("seeds above 2^32 give their own streams, not those of a small seed", () => {
  const draws = (seed: number) => {
    const r = new Rng(seed);
    return Array.from({ length: 8 }, () => r.nextUint32());
  };
  assert.notDeepEqual(draws(2 ** 32 + 1), draws(0));
  assert.notDeepEqual(draws(2 ** 32), draws(1));
  assert.notDeepEqual(draws(2 ** 32), draws(2 ** 33));
  assert.deepEqual(draws(2 ** 40 + 3), draws(2 ** 40 + 3));
});

test("matrix draws refuse meaningless parameters", () => {
  const r = new Rng(1);
  assert.throws(() => r.randn(2, 2, -1), /finite std ≥ 0 and a finite mean, got std -1, mean 0/);
  assert.throws(() => r.randn(2, 2, NaN), /got std NaN/);
  assert.throws(() => r.rand(2, 2, 1, 1), /low < high, got \[1, 1\)/);
  assert.throws(() => r.permutation(2.5), /non-negative integer, got 2.5/);
});
