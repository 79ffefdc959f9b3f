// The TensorFlow.js entry: the core library plus TensorFlow.js (notebook 04). Notebook 04 imports it as
// "../lib/tfjs" (lib/tfjs/package.json points there), so that notebooks 01–03, which import "../lib", never load
// TensorFlow.js.

export * from "./index";
export * as tfjs from "./tfjs/index";
export * as nb04 from "./experiments/nb04";
export * as nb05tf from "./experiments/nb05_tfjs";

// Exercises (issue 16): notebook 04's checkers use TensorFlow.js, so only this entry adds them, as course.exercises.nb04
// beside the core's nb01–nb03 (a local export takes precedence over the `export *` above).
import * as coreExercises from "./exercises/index";
import * as nb04Exercises from "./exercises/nb04_exercises";
export const exercises = { ...coreExercises, nb04: nb04Exercises };
