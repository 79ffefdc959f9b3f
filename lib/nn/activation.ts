// The nonlinearities a network may use, by name: each a forward/backward pair from its own file,
// plus the way it stops passing gradient (dead ReLUs, saturated tanh/sigmoid) for the statistics recorder.
// "linear" (the identity) makes a deep linear network, the setting of Saxe et al.'s analysis (notebook 05).

import { Matrix } from "../engine/matrix";
import { deadUnitFraction, reluBackward, reluForward } from "./relu";
import { TANH_SATURATION, tanhBackward, tanhForward, tanhSaturatedFraction } from "./tanh";
import { SIGMOID_SATURATION, sigmoidBackward, sigmoidForward, sigmoidSaturatedFraction } from "./sigmoid";
import { LEAKY_RELU_SLOPE, leakyReluBackward, leakyReluForward } from "./leaky_relu";
import { expectMatrix } from "../engine/checks";

export type ActivationName = "relu" | "tanh" | "sigmoid" | "leaky_relu" | "linear";

export interface Activation {
  name: ActivationName;
  // h is (N, D)  ->  a is (N, D)
  forward(h: Matrix): Matrix;
  // dout = ∂loss/∂a (N, D); h, a are the forward input and output  ->  ∂loss/∂h (N, D)
  backward(dout: Matrix, h: Matrix, a: Matrix): Matrix;
  /** "dead": a unit that is zero for every sample (ReLU); "saturated": values in the flat tails (tanh, sigmoid);
   * "none": nothing stops the gradient (linear). */
  stallKind: "dead" | "saturated" | "none";
  /** The rule in words, for figure legends and printouts. */
  stallRule: string;
  /** The fraction of stalled units (dead) or values (saturated) in a post-activation batch a (N, D). */
  stalledFraction(a: Matrix): number;
}

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  relu: {
    name: "relu",
    forward: reluForward,
    backward: (dout, h) => reluBackward(dout, h),
    stallKind: "dead",
    stallRule: "units that output 0 for every sample",
    stalledFraction: deadUnitFraction,
  },
  tanh: {
    name: "tanh",
    forward: tanhForward,
    backward: (dout, _h, a) => tanhBackward(dout, a),
    stallKind: "saturated",
    stallRule: `values with |tanh| > ${TANH_SATURATION}`,
    stalledFraction: (a) => tanhSaturatedFraction(a),
  },
  sigmoid: {
    name: "sigmoid",
    forward: sigmoidForward,
    backward: (dout, _h, a) => sigmoidBackward(dout, a),
    stallKind: "saturated",
    stallRule: `values with sigmoid < ${SIGMOID_SATURATION} or > ${1 - SIGMOID_SATURATION}`,
    stalledFraction: (a) => sigmoidSaturatedFraction(a),
  },
  leaky_relu: {
    name: "leaky_relu",
    forward: (h) => leakyReluForward(h, LEAKY_RELU_SLOPE),
    backward: (dout, h) => leakyReluBackward(dout, h, LEAKY_RELU_SLOPE),
    // Such a unit still passes slope × its gradient, so "dead" here means "only leaking".
    stallKind: "dead",
    stallRule: `units negative for every sample (they pass only ${LEAKY_RELU_SLOPE} of the gradient)`,
    stalledFraction: deadUnitFraction,
  },
  linear: {
    name: "linear",
    forward: (h) => (expectMatrix("linear forward", "h", h), h.clone()),
    backward: (dout) => (expectMatrix("linear backward", "dout", dout), dout.clone()),
    stallKind: "none",
    stallRule: "nothing stalls a linear unit",
    stalledFraction: (a) => (expectMatrix("linear stalledFraction", "a", a), 0),
  },
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/** Looks an activation up by name; an unknown name is an error that lists the known ones. */
export function getActivation(name: string): Activation {
  if (typeof name === "string" && Object.prototype.hasOwnProperty.call(ACTIVATIONS, name)) {
    return ACTIVATIONS[name as ActivationName];
  }
  throw new Error(`unknown activation ${JSON.stringify(name)}: expected one of ${ACTIVATION_NAMES.map((n) => `"${n}"`).join(", ")}`);
}
