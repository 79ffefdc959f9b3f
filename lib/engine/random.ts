// One seeded generator for every random draw in the course.
// xoshiro128** (Blackman & Vigna) on 32-bit integers, seeded through splitmix32.
// Only integer ops, Math.log, Math.sqrt, Math.cos and Math.sin are used, so a seed gives the same
// numbers on every machine running the same Node.js.

import { Matrix } from "./matrix";

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spareNormal: number | null = null;
  readonly seed: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new Error(`Rng: expected a non-negative integer seed, got ${seed}`);
    }
    this.seed = seed;
    // splitmix32 spreads the seed's low 32 bits over the four state words; a high word, if any, is mixed in after.
    let z = seed >>> 0;
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b) >>> 0;
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35) >>> 0;
      return (t ^ (t >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    const high = Math.floor(seed / 0x100000000);
    if (high !== 0) {
      z = (high ^ 0x6a09e667) >>> 0;
      this.s0 ^= next();
      this.s1 ^= next();
      this.s2 ^= next();
      this.s3 ^= next();
    }
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits, like numpy's random(). */
  uniform01(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.uniform01();
  }

  /** Standard normal by the Box–Muller transform; the second value of each pair is kept for the next call. */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    const u1 = 1 - this.uniform01(); // (0, 1], so log(u1) is finite
    const u2 = this.uniform01();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spareNormal = r * Math.sin(theta);
    return mean + std * r * Math.cos(theta);
  }

  /** A new generator whose stream is independent of this one's, derived from the next draws. */
  fork(): Rng {
    return new Rng(this.nextUint32() * 0x200000 + (this.nextUint32() >>> 11));
  }

  /** A (rows, cols) matrix of N(mean, std²) draws, filled row by row. */
  randn(rows: number, cols: number, std = 1, mean = 0): Matrix {
    if (!(Number.isFinite(std) && std >= 0) || !Number.isFinite(mean)) {
      throw new Error(`Rng.randn: expected a finite std ≥ 0 and a finite mean, got std ${std}, mean ${mean}`);
    }
    const m = new Matrix(rows, cols);
    for (let k = 0; k < m.data.length; k++) m.data[k] = this.normal(mean, std);
    return m;
  }

  /** A (rows, cols) matrix of U[low, high) draws, filled row by row. */
  rand(rows: number, cols: number, low = 0, high = 1): Matrix {
    if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
      throw new Error(`Rng.rand: expected finite bounds with low < high, got [${low}, ${high})`);
    }
    const m = new Matrix(rows, cols);
    for (let k = 0; k < m.data.length; k++) m.data[k] = this.uniform(low, high);
    return m;
  }

  /** Integers in [0, n) in random order (Fisher–Yates). */
  permutation(n: number): number[] {
    if (!Number.isInteger(n) || n < 0) throw new Error(`Rng.permutation: expected a non-negative integer, got ${n}`);
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.uniform01() * (i + 1));
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
