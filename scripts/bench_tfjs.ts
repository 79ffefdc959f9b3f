// The tutorial's training loop in TensorFlow.js (float32), timed, for scripts/bench.ts.
// Same arithmetic as scripts/bench_numpy.py and the engine: forward, hand-written backward with the
// loss gradient 2 (ŷ − y), and W ← W − lr·dW, the full batch every step. Backend setup is lib/tfjs/setup.ts.

import * as tf from "@tensorflow/tfjs";
import { Rng } from "../lib/engine/random";
import { TfBackendName, describeTfjsSetup, setupTfjs } from "../lib/tfjs/setup";

export interface TfjsBenchResult {
  backend: TfBackendName;
  /** e.g. "tfjs 4.22.0 on the wasm backend (SIMD)". */
  description: string;
  seconds: number;
  /** CPU time of this process over the same span (all threads). */
  cpuSeconds: number;
  steps: number;
  finalLoss: number;
}

export interface Sizes {
  batch: number;
  dims: [number, number, number, number]; // input, hidden1, hidden2, output
}

/** Runs `steps` training steps on the given backend (after a short warm-up) and returns the wall time. */
export async function benchTfjs(backend: TfBackendName, steps: number, sizes: Sizes, seed: number): Promise<TfjsBenchResult> {
  // PROD: no debug checks, and no "install the node backend" banner (tfjs-backend-cpu's warn() is silent in PROD).
  tf.env().set("PROD", true);
  const setup = await setupTfjs({ prefer: backend });
  if (setup.backend !== backend) {
    throw new Error(`benchTfjs: asked for the ${backend} backend, got ${describeTfjsSetup(setup)}`);
  }
  const rng = new Rng(seed);
  const [dIn, h1, h2, dOut] = sizes.dims;
  const n = sizes.batch;
  const toTensor = (rows: number, cols: number, std: number): tf.Tensor2D =>
    tf.tensor2d(Float32Array.from(rng.randn(rows, cols, std).data), [rows, cols], "float32");
  const x = toTensor(n, dIn, 1);
  const y = toTensor(n, dOut, 1);
  // He initialization: std √(2/fan_in), as in the engine and numpy runs.
  let w1 = toTensor(dIn, h1, Math.sqrt(2 / dIn));
  let w2 = toTensor(h1, h2, Math.sqrt(2 / h1));
  let w3 = toTensor(h2, dOut, Math.sqrt(2 / h2));
  const lr = tf.scalar(1e-4);

  const step = (): tf.Scalar => {
    const [loss, nw1, nw2, nw3] = tf.tidy((): tf.Tensor[] => {
      const z1 = tf.matMul(x, w1);
      const a1 = tf.relu(z1);
      const z2 = tf.matMul(a1, w2);
      const a2 = tf.relu(z2);
      const yPred = tf.matMul(a2, w3);
      const diff = tf.sub(yPred, y);
      const lossT = tf.sum(tf.square(diff));
      const dy = tf.mul(diff, 2);
      const dw3 = tf.matMul(a2, dy, true, false);
      const dz2 = tf.where(tf.greater(z2, 0), tf.matMul(dy, w3, false, true), tf.zerosLike(z2));
      const dw2 = tf.matMul(a1, dz2, true, false);
      const dz1 = tf.where(tf.greater(z1, 0), tf.matMul(dz2, w2, false, true), tf.zerosLike(z1));
      const dw1 = tf.matMul(x, dz1, true, false);
      return [lossT, tf.sub(w1, tf.mul(lr, dw1)), tf.sub(w2, tf.mul(lr, dw2)), tf.sub(w3, tf.mul(lr, dw3))];
    });
    w1.dispose(); w2.dispose(); w3.dispose();
    w1 = nw1 as tf.Tensor2D; w2 = nw2 as tf.Tensor2D; w3 = nw3 as tf.Tensor2D;
    return loss as tf.Scalar;
  };

  for (let i = 0; i < 5; i++) step().dispose(); // warm-up: kernels compiled, memory pools filled
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let finalLoss = NaN;
  for (let i = 0; i < steps; i++) {
    const loss = step();
    if (i === steps - 1) finalLoss = loss.dataSync()[0]; // waits for all queued work, so the clock is honest
    loss.dispose();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  tf.dispose([x, y, w1, w2, w3, lr]);
  return { backend, description: describeTfjsSetup(setup), seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, steps, finalLoss };
}
