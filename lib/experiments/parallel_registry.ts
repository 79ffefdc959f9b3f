// The experiments parallelRuns may call, by name: "nb03.deepReluRun" is nb03's deepReluRun. Notebook 04's
// experiments need TensorFlow.js and are not here (the core entry loads none).

import * as nb01 from "./nb01";
import * as nb02 from "./nb02";
import * as nb03 from "./nb03";
import * as nb05 from "./nb05";

const NAMESPACES: Readonly<Record<string, object>> = { nb01, nb02, nb03, nb05 };

/** Runs the named experiment on args; with args null, only checks that the name exists. */
export function runRegistered(name: string, args: readonly unknown[] | null): unknown {
  const [ns, fn, ...rest] = name.split(".");
  const space = NAMESPACES[ns] as Record<string, unknown> | undefined;
  const f = space?.[fn];
  if (rest.length > 0 || typeof f !== "function") {
    throw new Error(`parallelRuns: no experiment named ${JSON.stringify(name)}; expected "<notebook>.<function>" with notebook one of ${Object.keys(NAMESPACES).join(", ")}`);
  }
  return args === null ? undefined : (f as (...a: unknown[]) => unknown)(...args);
}
