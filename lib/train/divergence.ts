// The one record every training loop (lib and tfjs) returns when training stops on a non-finite value:
// which step, what was non-finite (loss, a weight, an activation, a gradient), in which layer, and where.

import { Matrix, shapeString } from "../engine/matrix";
import { firstNonFinite } from "../engine/checks";

export { firstNonFinite };

export type DivergenceKind = "weight" | "activation" | "loss" | "gradient";

export interface Divergence {
  /** The step at which the first non-finite value was seen; training stopped there, before that step's update. */
  step: number;
  kind: DivergenceKind;
  /** The weight or gradient name ("w2"), "hidden layer 3" for an activation, or null for the loss. */
  layer: string | null;
  /** The first non-finite value found (NaN, Infinity or -Infinity). */
  value: number;
  /** [i, j] of that value in its matrix, or null for the loss. */
  index: [number, number] | null;
  /** One sentence naming all of the above, for printing. */
  message: string;
}


/** What a step has to show: the weights before the update, the hidden activations, the loss and the gradients. */
export interface StepValues {
  loss: number;
  params: readonly Matrix[];
  paramNames: readonly string[];
  hidden?: readonly Matrix[];
  grads?: readonly Matrix[];
}

/**
 * The first non-finite value of a step, looked for in causal order: weights, then activations (first layer first),
 * then the loss, then the gradients. null when everything is finite.
 */
export function findDivergence(step: number, v: StepValues): Divergence | null {
  const inMatrices = (kind: DivergenceKind, ms: readonly Matrix[] | undefined, name: (l: number) => string): Divergence | null => {
    for (let l = 0; ms && l < ms.length; l++) {
      const k = firstNonFinite(ms[l].data);
      if (k >= 0) return matrixDivergence(step, kind, name(l), ms[l], k);
    }
    return null;
  };
  const nameOf = (l: number) => v.paramNames[l] ?? `param ${l}`;
  return (
    inMatrices("weight", v.params, nameOf) ??
    inMatrices("activation", v.hidden, (l) => `hidden layer ${l + 1}`) ??
    (Number.isFinite(v.loss) ? null : lossDivergence(step, v.loss)) ??
    inMatrices("gradient", v.grads, (l) => `d${nameOf(l)}`)
  );
}

export function lossDivergence(step: number, loss: number): Divergence {
  return { step, kind: "loss", layer: null, value: loss, index: null, message: `step ${step}: the loss is ${loss}` };
}

export function matrixDivergence(step: number, kind: DivergenceKind, layer: string, m: Matrix, k: number): Divergence {
  const index: [number, number] = [Math.floor(k / m.cols), k % m.cols];
  const message = `step ${step}: ${kind} ${layer} ${shapeString(m)} holds ${m.data[k]} at [${index[0]},${index[1]}]`;
  return { step, kind, layer, value: m.data[k], index, message };
}
