// The TensorFlow.js entry: the core library plus TensorFlow.js (notebook 04). Notebook 04 imports it as
// "../lib/tfjs" (lib/tfjs/package.json points there), so that notebooks 01–03, which import "../lib", never load
// TensorFlow.js.

export * from "./index";
export * as tfjs from "./tfjs/index";
export * as nb04 from "./experiments/nb04";
export * as nb05tf from "./experiments/nb05_tfjs";
