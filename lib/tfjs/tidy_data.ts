// tf.tidy only returns tensors. Our helpers often return plain data (a loss number, float64 Matrices) read back from
// tensors made along the way; this runs such a function inside tf.tidy so every one of those tensors is disposed.

import * as tf from "@tensorflow/tfjs";

/** Runs fn inside tf.tidy and returns its result. The result must be plain data: any tensor in it would be disposed. */
export function tidyData<T>(fn: () => T): T {
  if (typeof fn !== "function") throw new Error(`tidyData: expected fn to be a function, got ${typeof fn}`);
  let result!: T;
  tf.tidy(() => {
    result = fn();
  });
  return result;
}
