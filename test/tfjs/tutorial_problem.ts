// Shared by the tfjs tests: the problem and the float32 error measures, all from lib.

export { float32TutorialProblem as tutorialProblem, cloneWeights } from "../../lib/experiments/nb04_float32_problem";
export { scaledMaxError, maxTrajectoryError, GRADIENT_TOLERANCE, TRAJECTORY_TOLERANCE } from "../../lib/experiments/nb04_float32_error";
