import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { describeTfjsSetup, setupTfjs, wasmBinaryDirectory } from "../../lib/tfjs/setup";

test("the wasm binaries are found in node_modules", () => {
  const dir = wasmBinaryDirectory();
  for (const name of ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm"]) {
    assert.ok(fs.existsSync(path.join(dir, name)), `${name} missing from ${dir}`);
  }
});

test("setupTfjs starts the wasm backend, says so, and is idempotent", async () => {
  const first = await setupTfjs();
  assert.equal(first.backend, "wasm", `expected wasm, got ${describeTfjsSetup(first)}`);
  assert.equal(tf.getBackend(), "wasm");
  const second = await setupTfjs();
  assert.deepEqual(second, first);
  assert.match(describeTfjsSetup(first), /^tfjs 4\.22\.0 on the wasm backend/);
  // A real op runs on it.
  const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).arraySync());
  assert.deepEqual(sum, [4, 6]);
});

test("setupTfjs can switch to cpu and back", async () => {
  const cpu = await setupTfjs({ prefer: "cpu" });
  assert.equal(cpu.backend, "cpu");
  assert.equal(tf.getBackend(), "cpu");
  const wasm = await setupTfjs();
  assert.equal(wasm.backend, "wasm");
  assert.equal(tf.getBackend(), "wasm");
});

test("setupTfjs rejects an unknown backend name (through its Promise, never a synchronous throw)", async () => {
  let pending: Promise<unknown> | undefined;
  assert.doesNotThrow(() => { pending = setupTfjs({ prefer: "webgl" as never }); });
  await assert.rejects(pending!, /expected prefer to be "wasm" or "cpu", got "webgl"/);
});
