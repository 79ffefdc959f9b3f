// The checker core shared by every notebook's exercises (issue 16).
//
// An exercise is a learner's cell that ends with `course.exercises.nbNN.<name>.check(answer)`. The checker prints one
// verdict and never throws, so Run All goes on whatever the learner typed:
//   "not answered yet"  while the answer is still the placeholder `course.exercises.TODO`;
//   "correct"           when it matches the reference (the message says why it is right, not what it is);
//   "try again"         with what was expected in kind (shape, range, sign) and, for a common wrong answer, a hint
//                       aimed at that mistake. No verdict prints the expected value itself.

import { Matrix, shapeString } from "../engine/matrix";
import { checkOptions, describeValue } from "../engine/checks";

/** The placeholder a learner replaces. Typed `any` so that it stands in for a number, a Matrix or a return value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TODO: any = Symbol.for("course.exercises.TODO");

export type Status = "not answered" | "correct" | "try again";

export interface Verdict {
  status: Status;
  /** What the checker found, in kind: never the expected value. */
  message: string;
  /** Aimed at the mistake the answer looks like, when it looks like a known one. */
  hint?: string;
}

export interface Exercise<A> {
  /** e.g. "1.2", the label of the exercise's box in the notebook. */
  id: string;
  title: string;
  /** The verdict, without printing: what the tests call. */
  evaluate(answer: A): Verdict;
  /** Prints the verdict (the notebook's call). Returns nothing, so the cell shows only the printed lines. */
  check(answer: A): void;
}

export const NOT_ANSWERED = "not answered yet";

export function isTodo(x: unknown): boolean {
  return x === TODO || x === undefined;
}

export function notAnswered(what: string): Verdict {
  return { status: "not answered", message: `${NOT_ANSWERED}: ${what}` };
}

export function correct(message: string): Verdict {
  return { status: "correct", message };
}

export function tryAgain(message: string, hint?: string): Verdict {
  return hint === undefined ? { status: "try again", message } : { status: "try again", message, hint };
}

/** The printed form of a verdict: one line, plus a hint line when there is one. */
export function formatVerdict(id: string, v: Verdict): string {
  if (typeof id !== "string") throw new Error(`formatVerdict: expected id to be a string, got ${describeValue(id)}`);
  checkOptions("formatVerdict", "v (a verdict)", v);
  const head = v.status === "correct" ? `Exercise ${id} ✓ correct: ${v.message}`
    : v.status === "try again" ? `Exercise ${id} ✗ try again: ${v.message}` : `Exercise ${id} — ${v.message}`;
  return v.hint ? `${head}\n  hint: ${v.hint}` : head;
}

/**
 * Builds an exercise from its evaluation. Anything the learner's code throws, or the evaluation throws on a strange
 * answer, becomes a "try again" naming the error, so the notebook never stops at an exercise cell.
 */
export function defineExercise<A>(id: string, title: string, evaluate: (answer: A) => Verdict): Exercise<A> {
  const safe = (answer: A): Verdict => {
    try {
      return evaluate(answer);
    } catch (e) {
      return tryAgain(`running your answer threw an error: ${(e as Error).message ?? String(e)}`);
    }
  };
  return { id, title, evaluate: safe, check: (answer: A) => console.log(formatVerdict(id, safe(answer))) };
}

/** What a value is, for messages: "a number 5", "a Matrix (3,4)", "a function". Never used on expected values. */
export function describe(x: unknown): string {
  if (x instanceof Matrix) return `a Matrix ${shapeString(x)}`;
  if (x === null) return "null";
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === "number") return `the number ${x}`;
  if (typeof x === "string") return `the string "${x}"`;
  return typeof x === "object" ? `an object (${(x as object).constructor?.name ?? "object"})` : `a ${typeof x}`;
}

/** A verdict when `x` is not a Matrix of shape (rows, cols); null when it is. */
export function shapeProblem(what: string, x: unknown, rows: number, cols: number): Verdict | null {
  if (!(x instanceof Matrix)) return tryAgain(`${what} should be a Matrix of shape (${rows},${cols}); got ${describe(x)}`);
  if (x.rows === rows && x.cols === cols) return null;
  if (x.rows === cols && x.cols === rows) {
    return tryAgain(`${what} has shape ${shapeString(x)}, the transpose of the expected (${rows},${cols})`,
      "a transposed product: the shape of a gradient is the shape of what it is the gradient of; check which factor carries the ᵀ.");
  }
  return tryAgain(`${what} has shape ${shapeString(x)}; expected (${rows},${cols})`);
}

/** max |a − b| / (max |b| + tiny): the mismatch of a against a reference b, relative to b's size. */
export function relativeMismatch(a: Matrix, b: Matrix): number {
  let worst = 0;
  let scale = 0;
  for (let k = 0; k < b.data.length; k++) {
    worst = Math.max(worst, Math.abs(a.data[k] - b.data[k]));
    scale = Math.max(scale, Math.abs(b.data[k]));
  }
  return Number.isNaN(worst) ? Infinity : worst / (scale + 1e-300);
}

export function hasNonFinite(m: Matrix): boolean {
  return m.data.some((v) => !Number.isFinite(v));
}

/** A known wrong answer: the value it produces, and the hint for whoever produced it. */
export interface WrongVariant<T> {
  value: T;
  hint: string;
}

/**
 * Compares a Matrix answer (already of the right shape) with the reference, then with each known wrong variant.
 * `what` names the quantity in the messages.
 */
export function judgeMatrix(what: string, answer: Matrix, reference: Matrix, wrongs: WrongVariant<Matrix>[], tol = 1e-9): Verdict {
  if (hasNonFinite(answer)) return tryAgain(`${what} contains NaN or Infinity; every entry should be a finite number`);
  if (relativeMismatch(answer, reference) <= tol) return correct(`${what} matches the reference on a fresh random case`);
  for (const w of wrongs) {
    if (w.value.rows === answer.rows && w.value.cols === answer.cols && relativeMismatch(answer, w.value) <= tol) {
      return tryAgain(`${what} has the right shape but the wrong values`, w.hint);
    }
  }
  return tryAgain(`${what} has the right shape but the wrong values (worst entry off by ${(100 * relativeMismatch(answer, reference)).toPrecision(2)} % of the largest entry)`);
}

/** Runs a learner's function, turning a throw into a verdict. Returns the verdict or the result. */
export function runLearner<R>(what: string, f: () => R): { result: R } | { verdict: Verdict } {
  try {
    return { result: f() };
  } catch (e) {
    return { verdict: tryAgain(`${what} threw an error: ${(e as Error).message ?? String(e)}`) };
  }
}

/** A known wrong prediction: answers whose ratio to the true value lies in [low, high] get this hint. */
export interface WrongRatio {
  low: number;
  high: number;
  hint: string;
}

export interface PredictionSpec {
  what: string;
  /** The measured value the prediction is judged against (never printed). */
  actual: number;
  /** Accepted when answer / actual lies in [low, high]. */
  accept: [number, number];
  /** Known wrong answers by their ratio to `actual`, checked in order. */
  wrongs?: WrongRatio[];
  /** The sign the answer must have, if any: a hint on its own. */
  positive?: boolean;
  /** What to do next once the prediction is right. */
  afterCorrect?: string;
}

/** Judges a predicted number: in range, a known slip, or too large / too small by some order of magnitude. */
export function judgePrediction(answer: unknown, spec: PredictionSpec): Verdict {
  if (isTodo(answer)) return notAnswered(`replace course.exercises.TODO with your prediction for ${spec.what} (a number)`);
  if (typeof answer !== "number" || !Number.isFinite(answer)) {
    return tryAgain(`the prediction for ${spec.what} should be a finite number; got ${describe(answer)}`);
  }
  if (spec.positive && answer <= 0) {
    return tryAgain(`${spec.what} cannot be zero or negative`, "it is built from squares or spreads, so it is positive; think of its size first.");
  }
  const ratio = answer / spec.actual;
  if (ratio >= spec.accept[0] && ratio <= spec.accept[1]) {
    return correct(`your prediction for ${spec.what} is within the accepted range; ${spec.afterCorrect ?? "now run the next cell and compare"}`);
  }
  for (const w of spec.wrongs ?? []) {
    if (ratio >= w.low && ratio <= w.high) return tryAgain(`${spec.what}: not quite`, w.hint);
  }
  const decades = Math.log10(Math.abs(ratio));
  const size = Math.abs(decades) < 1 ? "a little" : `about ${Math.round(Math.abs(decades))} order(s) of magnitude`;
  return tryAgain(`your prediction for ${spec.what} is ${size} too ${ratio > 1 ? "large" : "small"}`);
}
