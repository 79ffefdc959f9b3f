// The tutorial's training loop (ThreeLayerNet + trainGradientDescent) without copies: weights, gradients,
// activations, x and y live in the WebAssembly kernel's memory for the whole run, in buffers reused every
// step; the matrix products run in place (matmulWasmAt) and the elementwise steps (ReLU and its mask, the
// loss and its gradient, the update) run in the same module. Read lib/nn/three_layer_net.ts and
// gradient_descent.ts for what it computes; this file only changes where the numbers live.
//
// Same operations in the same order as the readable path, so when that path runs its products on the wasm
// kernel (matmul "auto" on the tutorial's shapes) the history and final weights are bit-identical
// (test/train/fast_three_layer_step.test.ts). When wasm is unavailable or another kernel is forced
// (setMatmulKernel), this simply runs the readable path.

import { Matrix, assertShape } from "../engine/matrix";
import { findDivergence } from "./divergence";
import { getMatmulKernel } from "../engine/matmul";
import { matmulWasmAt, wasmMatmulAvailable } from "../engine/matmul_wasm";
import { WasmBlock, WasmHeap } from "../engine/wasm_heap";
import { ThreeLayerNet } from "../nn/three_layer_net";
import { TrainOptions, trainGradientDescent } from "./gradient_descent";
import { TrainHistory, checkTrainingArgs, checkTrainingCall } from "./training_loop";
import { reportStep } from "./step_observer";

/** Like trainGradientDescent(net, x, y, options), updating net's weights in place; several times faster. */
export function trainThreeLayerFast(net: ThreeLayerNet, x: Matrix, y: Matrix, options: TrainOptions): TrainHistory {
  checkTrainingCall("trainThreeLayerFast", net, x, y, options);
  const kernel = getMatmulKernel();
  if (!wasmMatmulAvailable() || (kernel !== "auto" && kernel !== "wasm")) return trainGradientDescent(net, x, y, options);
  const { learningRate, steps } = options;
  checkTrainingArgs("trainThreeLayerFast", learningRate, steps, x, y);
  const { w1, w2, w3 } = net.weights;
  assertShape("trainThreeLayerFast: inputs x", x, x.rows, w1.rows);
  assertShape("trainThreeLayerFast: targets y", y, x.rows, w3.cols);

  const heap = new WasmHeap();
  try {
    const b = new Buffers(heap, net, x, y);
    // The loop of training_loop.ts's runTraining, with this file's measure and update.
    const history: TrainHistory = { loss: [], stalledFraction: [], stepsCompleted: 0, divergedAtStep: null, divergence: null };
    for (let step = 0; step < steps; step++) {
      const loss = b.forwardAndLoss();
      history.loss.push(loss);
      history.stalledFraction.push([b.a1.matrix, b.a2.matrix].map((a) => net.activation.stalledFraction(a)));
      // Weights, activations and loss, as runTraining checks them; the gradients are formed inside the fused update.
      const divergence = findDivergence(step, {
        loss, params: [b.w1.matrix, b.w2.matrix, b.w3.matrix], paramNames: ["w1", "w2", "w3"], hidden: [b.a1.matrix, b.a2.matrix],
      });
      if (divergence) {
        history.divergedAtStep = step;
        history.divergence = divergence;
        break;
      }
      b.backwardAndUpdate(-learningRate);
      history.stepsCompleted = step + 1;
      if (options.onStep) {
        b.copyWeightsTo(net); // the callback may look at the net: show it this step's updated weights
        options.onStep(step, loss);
      }
      reportStep(step, steps, loss);
    }
    b.copyWeightsTo(net);
    return history;
  } finally {
    heap.release();
  }
}

// Every matrix of one step, allocated once.
class Buffers {
  readonly x: WasmBlock; readonly y: WasmBlock;
  readonly w1: WasmBlock; readonly w2: WasmBlock; readonly w3: WasmBlock;
  readonly h1: WasmBlock; readonly a1: WasmBlock; readonly h2: WasmBlock; readonly a2: WasmBlock; readonly yPred: WasmBlock;
  readonly dyPred: WasmBlock; readonly da2: WasmBlock; readonly da1: WasmBlock; // da2, da1 become dh2, dh1 in place
  readonly dw1: WasmBlock; readonly dw2: WasmBlock; readonly dw3: WasmBlock;
  private readonly n: number; private readonly dIn: number; private readonly d1: number; private readonly d2: number; private readonly dOut: number;

  constructor(private readonly heap: WasmHeap, net: ThreeLayerNet, x: Matrix, y: Matrix) {
    const { w1, w2, w3 } = net.weights;
    [this.n, this.dIn, this.d1, this.d2, this.dOut] = [x.rows, w1.rows, w1.cols, w2.cols, w3.cols];
    const { n, dIn, d1, d2, dOut } = this;
    this.x = heap.matrix(n, dIn, x); this.y = heap.matrix(n, dOut, y);
    this.w1 = heap.matrix(dIn, d1, w1); this.w2 = heap.matrix(d1, d2, w2); this.w3 = heap.matrix(d2, dOut, w3);
    this.h1 = heap.matrix(n, d1); this.a1 = heap.matrix(n, d1); this.h2 = heap.matrix(n, d2); this.a2 = heap.matrix(n, d2);
    this.yPred = heap.matrix(n, dOut); this.dyPred = heap.matrix(n, dOut);
    this.da2 = heap.matrix(n, d2); this.da1 = heap.matrix(n, d1);
    this.dw1 = heap.matrix(dIn, d1); this.dw2 = heap.matrix(d1, d2); this.dw3 = heap.matrix(d2, dOut);
  }

  // ThreeLayerNet.forward, then sumOfSquaresLoss and its backward (dyPred = 2 (yPred − y)).
  forwardAndLoss(): number {
    const { n, dIn, d1, d2, dOut } = this;
    const k = this.heap.kernel;
    matmulWasmAt(n, dIn, d1, this.x.offset, false, this.w1.offset, false, this.h1.offset);
    k.reluForward(this.h1.offset, this.a1.offset, n * d1);
    matmulWasmAt(n, d1, d2, this.a1.offset, false, this.w2.offset, false, this.h2.offset);
    k.reluForward(this.h2.offset, this.a2.offset, n * d2);
    matmulWasmAt(n, d2, dOut, this.a2.offset, false, this.w3.offset, false, this.yPred.offset);
    return k.sumOfSquaresLossAndGrad(this.yPred.offset, this.y.offset, this.dyPred.offset, n * dOut);
  }

  // ThreeLayerNet.backward, then W ← W + alpha · dW for each layer.
  backwardAndUpdate(alpha: number): void {
    const { n, dIn, d1, d2, dOut } = this;
    const k = this.heap.kernel;
    matmulWasmAt(d2, n, dOut, this.a2.offset, true, this.dyPred.offset, false, this.dw3.offset); //   dw3 = a2ᵀ·dyPred
    matmulWasmAt(n, dOut, d2, this.dyPred.offset, false, this.w3.offset, true, this.da2.offset); //  da2 = dyPred·w3ᵀ
    k.reluBackwardInPlace(this.da2.offset, this.h2.offset, n * d2); //                                dh2
    matmulWasmAt(d1, n, d2, this.a1.offset, true, this.da2.offset, false, this.dw2.offset); //       dw2 = a1ᵀ·dh2
    matmulWasmAt(n, d2, d1, this.da2.offset, false, this.w2.offset, true, this.da1.offset); //       da1 = dh2·w2ᵀ
    k.reluBackwardInPlace(this.da1.offset, this.h1.offset, n * d1); //                                dh1
    matmulWasmAt(dIn, n, d1, this.x.offset, true, this.da1.offset, false, this.dw1.offset); //       dw1 = xᵀ·dh1
    k.addScaledInPlace(this.w1.offset, alpha, this.dw1.offset, dIn * d1);
    k.addScaledInPlace(this.w2.offset, alpha, this.dw2.offset, d1 * d2);
    k.addScaledInPlace(this.w3.offset, alpha, this.dw3.offset, d2 * dOut);
  }

  copyWeightsTo(net: ThreeLayerNet): void {
    net.weights.w1.data.set(this.w1.matrix.data);
    net.weights.w2.data.set(this.w2.matrix.data);
    net.weights.w3.data.set(this.w3.matrix.data);
  }
}
