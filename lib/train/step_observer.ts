// Live progress from inside the training loops, without threading a callback through every experiment that trains.
// course.progress(label).track(fn) installs an observer for the duration of fn; every training loop on this thread
// reports each finished step to it. Nothing observes outside track(), and reporting then costs one null check.
// (Runs in parallelRuns's worker threads report nothing: the observer lives on the notebook's thread.)

/** Step `step` (0-based) of a loop of `steps` finished with `loss`. */
export type StepObserver = (step: number, steps: number, loss: number) => void;

let current: StepObserver | null = null;

/** Runs fn with `observer` receiving every training step; the previous observer is restored afterwards. */
export function observeSteps<T>(observer: StepObserver, fn: () => T): T {
  if (typeof observer !== "function") throw new Error(`observeSteps: expected an observer function, got ${typeof observer}`);
  if (typeof fn !== "function") throw new Error(`observeSteps: expected a function to run, got ${typeof fn}`);
  const previous = current;
  current = observer;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Called by the training loops after each step. */
export function reportStep(step: number, steps: number, loss: number): void {
  if (current !== null) current(step, steps, loss);
}
