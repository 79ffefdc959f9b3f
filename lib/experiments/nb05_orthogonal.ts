// Section 2 of notebook 05: deep linear networks (Saxe, McClelland & Ganguli 2014). A stack of `depth` square linear
// layers learns a random linear map by full-batch gradient descent, started from a scaled Gaussian (Var(W) = 1/n) or
// from orthogonal weights. The learning rate is divided by the depth, because each of the `depth` layers moves the
// end-to-end map by about one step's worth; the count is of steps until the loss is below a fraction of its start.

import { Matrix } from "../engine/matrix";
import { matmul } from "../engine/matmul";
import { Rng } from "../engine/random";
import { Initializer } from "../init/initializer";
import { orthogonal } from "../init/orthogonal";
import { lecunNormal } from "../init/presets";
import { meanSquared } from "../nn/mean_squared_loss";
import { Mlp } from "../nn/mlp";
import { trainGradientDescent } from "../train/gradient_descent";
import { BEYOND } from "./nb05_config";

export type LinearStart = "Gaussian 1/n" | "orthogonal";
export const LINEAR_STARTS: readonly LinearStart[] = ["Gaussian 1/n", "orthogonal"];

function startInit(start: LinearStart): Initializer {
  if (start === "Gaussian 1/n") return lecunNormal();
  if (start === "orthogonal") return orthogonal(1);
  throw new Error(`nb05 linear: expected one of ${LINEAR_STARTS.join(", ")}, got ${JSON.stringify(start)}`);
}

export interface LinearRun {
  start: LinearStart;
  depth: number;
  loss: number[];
  /** First step whose loss is below threshold × the first loss; null if it never got there within maxSteps. */
  stepsToThreshold: number | null;
  initialLoss: number;
}

/** The teacher map and data: the same for every depth and start of a seed. */
function linearProblem(seed: number): { x: Matrix; y: Matrix; rng: Rng } {
  const { width, batchSize } = BEYOND.linear;
  const rng = new Rng(seed);
  const x = rng.randn(batchSize, width);
  const teacher = rng.randn(width, width, 1 / Math.sqrt(width));
  return { x, y: matmul(x, teacher), rng };
}

export function linearRun(start: LinearStart, depth: number, seed: number = BEYOND.linear.seed): LinearRun {
  const { width, learningRate, maxSteps, threshold } = BEYOND.linear;
  if (!Number.isInteger(depth) || depth < 1) throw new Error(`linearRun: expected a positive integer depth, got ${depth}`);
  const { x, y, rng } = linearProblem(seed);
  const sizes = Array.from({ length: depth + 1 }, () => width);
  const net = Mlp.initialized({ sizes, activation: "linear", loss: meanSquared }, startInit(start), rng);
  const history = trainGradientDescent(net, x, y, { learningRate: learningRate / depth, steps: maxSteps });
  const reached = history.loss.findIndex((loss) => loss < threshold * history.loss[0]);
  const stepsToThreshold = reached < 0 ? null : reached;
  return { start, depth, loss: history.loss, stepsToThreshold, initialLoss: history.loss[0] };
}

/** Singular-value spread of the initial end-to-end map W₁⋯W_d: the std of log₁₀ of its column norms (0 for orthogonal). */
export function endToEndSpread(start: LinearStart, depth: number, seed: number = BEYOND.linear.seed): number {
  const { width } = BEYOND.linear;
  const { rng } = linearProblem(seed);
  const init = startInit(start);
  const r = rng;
  let p = init(width, width, r);
  for (let l = 1; l < depth; l++) p = matmul(p, init(width, width, r));
  const logs: number[] = [];
  for (let j = 0; j < width; j++) {
    let s = 0;
    for (let i = 0; i < width; i++) s += p.data[i * width + j] ** 2;
    logs.push(Math.log10(Math.sqrt(s)));
  }
  const m = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / logs.length);
}
