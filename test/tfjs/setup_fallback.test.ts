// Its own file, so its own process: the wasm backend can only be pointed at its binaries once per process.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { describeTfjsSetup, setupTfjs } from "../../lib/tfjs/setup";

test("when the wasm binaries cannot be loaded, setupTfjs falls back to cpu and says why", async () => {
  const setup = await setupTfjs({ wasmDirectory: "/nonexistent/tfjs-wasm/" });
  assert.equal(setup.backend, "cpu");
  assert.equal(tf.getBackend(), "cpu");
  assert.equal(setup.fallbackReason, "the wasm backend failed to start: tfjs-backend-wasm.wasm, tfjs-backend-wasm-simd.wasm not found in /nonexistent/tfjs-wasm/");
  assert.match(describeTfjsSetup(setup), /^tfjs 4\.22\.0 on the cpu backend; fell back because the wasm backend failed to start: /);
  // And the cpu backend computes.
  assert.deepEqual(tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).arraySync()), [[11]]);
});
