// The loop every tfjs variant shares: run a step, record its loss, stop if the loss stops being finite, time it.
// Returns what happened as data; prints nothing.

import * as tf from "@tensorflow/tfjs";
import { OnStep } from "../train/training_loop";
import { assertSteps } from "./check_args";

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
  onStep?: OnStep,
): TfTrainHistory {
  assertSteps(where, steps);
  const tensorsBefore = tf.memory().numTensors;
  const history: TfTrainHistory = { loss: [], stepsCompleted: 0, divergedAtStep: null, msPerStep: 0, tensorsLeaked: 0 };
  const start = performance.now();
  for (let t = 0; t < steps; t++) {
    const loss = step(t);
    history.loss.push(loss);
    if (!Number.isFinite(loss)) {
      history.divergedAtStep = t;
      break;
    }
    history.stepsCompleted = t + 1;
    onStep?.(t, loss);
  }
  const elapsed = performance.now() - start;
  history.msPerStep = history.loss.length > 0 ? elapsed / history.loss.length : 0;
  history.tensorsLeaked = tf.memory().numTensors - tensorsBefore;
  return history;
}
