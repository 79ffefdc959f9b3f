// The TensorFlow.js rewrite of the course's network (notebook 04). lib/index.ts re-exports this as the `tfjs` namespace.

export { setupTfjs, describeTfjsSetup, wasmBinaryDirectory } from "./setup";
export type { TfjsSetup, TfjsSetupOptions, TfBackendName } from "./setup";
