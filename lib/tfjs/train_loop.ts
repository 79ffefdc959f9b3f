// The loop every tfjs variant shares: run a step, record its loss, stop if the loss stops being finite, time it.
// Returns what happened as data; prints nothing.

import * as tf from "@tensorflow/tfjs";
import { assertSteps } from "./check_args";

export interface TfTrainOptions {
  learningRate: number;
  steps: number;
  /** Called after each step with the loss measured before that step's update. */
  onStep?: (step: number, loss: number) => void;
}

export interface TfTrainHistory {
  /** loss[t] is the loss at step t, measured before step t's update (as in lib's trainGradientDescent). */
  loss: number[];
  stepsCompleted: number;
  /** The step whose loss was NaN or ±Infinity, where training stopped; null when it never happened. */
  divergedAtStep: number | null;
  /** Wall-clock milliseconds per completed step, including reading the loss back from the backend. */
  msPerStep: number;
  /** Live tensors after the loop minus before it: 0 unless something leaked. */
  tensorsLeaked: number;
}

/** Runs `step` (which returns the loss before its update) `steps` times. */
export function runTrainingLoop(
  where: string,
  steps: number,
  step: (t: number) => number,
  onStep?: (t: number, loss: number) => void,
): TfTrainHistory {
  assertSteps(where, steps);
  const tensorsBefore = tf.memory().numTensors;
  const history: TfTrainHistory = { loss: [], stepsCompleted: 0, divergedAtStep: null, msPerStep: 0, tensorsLeaked: 0 };
  const start = performance.now();
  for (let t = 0; t < steps; t++) {
    const loss = step(t);
    history.loss.push(loss);
    onStep?.(t, loss);
    if (!Number.isFinite(loss)) {
      history.divergedAtStep = t;
      break;
    }
    history.stepsCompleted = t + 1;
  }
  const elapsed = performance.now() - start;
  history.msPerStep = history.loss.length > 0 ? elapsed / history.loss.length : 0;
  history.tensorsLeaked = tf.memory().numTensors - tensorsBefore;
  return history;
}
