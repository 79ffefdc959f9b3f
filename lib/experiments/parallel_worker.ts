// A helper thread for parallelRuns (started by parallel_runs.ts, never imported directly): for each batch of
// runs it is sent, it takes runs from the shared counter until none are left, posting each result.

import { MessagePort, parentPort } from "worker_threads";
import { setMatmulThreads } from "../engine/matmul_wasm";
import { revive } from "./parallel_runs";
import { runRegistered } from "./parallel_registry";

interface Batch {
  name: string;
  argLists: unknown[][];
  shared: Int32Array;
  replyTo: MessagePort;
}

setMatmulThreads(1); // whole runs fill the cores; no splitting of products inside them

parentPort!.on("message", ({ name, argLists, shared, replyTo }: Batch) => {
  for (;;) {
    const index = Atomics.add(shared, 0, 1);
    if (index >= argLists.length) break;
    try {
      replyTo.postMessage({ index, value: runRegistered(name, revive(argLists[index]) as unknown[]) });
    } catch (e) {
      replyTo.postMessage({ index, error: (e as Error).message ?? String(e) });
    }
    Atomics.add(shared, 1, 1); // after the post: the caller reads the replies once this count is complete
    Atomics.notify(shared, 1);
  }
  replyTo.close();
});
