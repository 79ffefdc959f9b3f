// A helper thread for the WebAssembly matmul (started by matmul_wasm.ts, never imported directly).
// It instantiates the same compiled kernel on the same shared memory, then loops: sleep until the job
// number in its control block changes, compute the band of C described there, publish the job number as done.

import { workerData } from "worker_threads";
import { CTRL, KernelExports } from "./matmul_wasm_protocol";

declare const WebAssembly: { Instance: new (module: object, imports: object) => { exports: object } };

// (not named `module`: a top-level `module` clashes with CommonJS's own and Node would load this file as ESM)
const { wasmModule, memory, ctrlOffset } = workerData as { wasmModule: object; memory: { buffer: ArrayBuffer }; ctrlOffset: number };
const kernel = new WebAssembly.Instance(wasmModule, { env: { memory } }).exports as unknown as KernelExports;
const ctrl = new Int32Array(memory.buffer, ctrlOffset, CTRL.size);

// Spin this long after a job before sleeping: a training step's products come in bursts a fraction of a
// millisecond apart, and a sleeping thread takes tens of microseconds to wake. Jobs only come while splitting
// pays (matmul_wasm.ts stops posting on a busy machine), so the spinning only uses an otherwise idle core.
const SPIN_MS = 1;

Atomics.store(ctrl, CTRL.ready, 1);
let seen = Atomics.load(ctrl, CTRL.job);
for (;;) {
  const spinUntil = performance.now() + SPIN_MS;
  while (Atomics.load(ctrl, CTRL.job) === seen && performance.now() < spinUntil) {
    // busy-wait briefly
  }
  Atomics.wait(ctrl, CTRL.job, seen);
  const job = Atomics.load(ctrl, CTRL.job);
  if (job === seen) continue;
  const a = ctrl.subarray(CTRL.args, CTRL.args + CTRL.nArgs);
  try {
    kernel.matmul(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
  } catch {
    Atomics.store(ctrl, CTRL.failed, 1);
  }
  seen = job;
  Atomics.store(ctrl, CTRL.done, job);
  Atomics.notify(ctrl, CTRL.done);
}
