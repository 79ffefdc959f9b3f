// The loop every tfjs variant shares: run a step, record its loss, stop if the loss stops being finite, time it.
// Returns what happened as data; prints nothing.

import * as tf from "@tensorflow/tfjs";
import { OnStep } from "../train/training_loop";
import { reportStep } from "../train/step_observer";
import { assertSteps } from "./check_args";
import { Divergence, firstNonFinite, lossDivergence } from "../train/divergence";
import { shapeString } from "../engine/matrix";

export interface TfTrainOptions {
  learningRate: number;
  steps: number;
  onStep?: OnStep;
}

export interface TfTrainHistory {
  /** loss[t] is the loss at step t, measured before step t's update (as in lib's trainGradientDescent). */
  loss: number[];
  stepsCompleted: number;
  /** The step whose loss was NaN or ±Infinity, where training stopped; null when it never happened. */
  divergedAtStep: number | null;
  /** What was non-finite first and where (the same record as lib's loops); null when training never diverged. */
  divergence: Divergence | null;
  /** Wall-clock milliseconds per completed step, including reading the loss back from the backend. */
  msPerStep: number;
  /** Live tensors after the loop minus before it: 0 unless something leaked. */
  tensorsLeaked: number;
}

/** Named weights to look through when the loss stops being finite, so the record can name the layer. */
export type TfWeightsToInspect = () => { names: readonly string[]; tensors: readonly tf.Tensor[] };

/**
 * Runs `step` (which returns the loss before its update) `steps` times. Stops on the first non-finite loss; the weights
 * are then read back once to name the first layer holding a non-finite value, and once more after the last step.
 */
export function runTrainingLoop(
  where: string,
  steps: number,
  step: (t: number) => number,
  onStep?: OnStep,
  weights?: TfWeightsToInspect,
): TfTrainHistory {
  assertSteps(where, steps);
  if (onStep !== undefined && typeof onStep !== "function") throw new Error(`${where}: expected onStep to be a function, got ${typeof onStep}`);
  const tensorsBefore = tf.memory().numTensors;
  const history: TfTrainHistory = { loss: [], stepsCompleted: 0, divergedAtStep: null, divergence: null, msPerStep: 0, tensorsLeaked: 0 };
  const start = performance.now();
  for (let t = 0; t < steps; t++) {
    const loss = step(t);
    history.loss.push(loss);
    if (!Number.isFinite(loss)) {
      history.divergedAtStep = t;
      history.divergence = weightDivergence(t, weights) ?? lossDivergence(t, loss);
      break;
    }
    history.stepsCompleted = t + 1;
    onStep?.(t, loss);
    reportStep(t, steps, loss); // live progress when a notebook cell tracks this run
  }
  const elapsed = performance.now() - start;
  if (history.divergence === null && history.stepsCompleted > 0) {
    // The last update may have made a weight non-finite with no later loss to show it.
    const last = weightDivergence(history.stepsCompleted, weights);
    if (last) {
      history.divergedAtStep = last.step;
      history.divergence = last;
    }
  }
  history.msPerStep = history.loss.length > 0 ? elapsed / history.loss.length : 0;
  history.tensorsLeaked = tf.memory().numTensors - tensorsBefore;
  return history;
}

/** The first weight holding NaN or ±Infinity, read back from the backend; null if all are finite (or none given). */
export function weightDivergence(step: number, weights?: TfWeightsToInspect): Divergence | null {
  if (!weights) return null;
  const { names, tensors } = weights();
  for (let l = 0; l < tensors.length; l++) {
    const data = tensors[l].dataSync() as Float32Array;
    const k = firstNonFinite(data);
    if (k < 0) continue;
    const cols = tensors[l].shape[tensors[l].rank - 1] ?? 1;
    const index: [number, number] = [Math.floor(k / cols), k % cols];
    const shape = tensors[l].rank === 2 ? shapeString({ rows: tensors[l].shape[0], cols }) : `(${tensors[l].shape.join(",")})`;
    const layer = names[l] ?? `weight ${l}`;
    const message = `step ${step}: weight ${layer} ${shape} holds ${data[k]} at [${index[0]},${index[1]}]`;
    return { step, kind: "weight", layer, value: data[k], index, message };
  }
  return null;
}
