// Shared by the tfjs tests: the problem and the float32 error measures, all from lib, and how close float32 must come.

export { float32TutorialProblem as tutorialProblem, cloneWeights } from "../../lib/experiments/nb04_float32_problem";
export { scaledMaxError, maxTrajectoryError } from "../../lib/experiments/nb04_float32_error";

// float32 keeps 24 bits (relative spacing 6e-8); sums over ~1000 terms and 20 steps of feedback grow that to
// ~1e-6–1e-5. The tolerances sit well above that and far below a real mistake (a missing factor 2 gives 0.5).
export const GRADIENT_TOLERANCE = 1e-5;
export const TRAJECTORY_TOLERANCE = 1e-4;
