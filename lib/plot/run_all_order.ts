// Run All in tslab 1.0.22, and a patch of two of its methods that the course applies when it is imported in a kernel.
//
// tslab reads every queued execute_request as soon as the event loop is free, publishes "busy" for it at once and
// chains it on one promise queue (TaskQueue in tslab/dist/util). When cell N finishes, cell N+1 starts on the very
// next microtask, a few ticks before cell N's execute_reply and "idle" are sent. A synchronous cell N+1 then holds
// N's reply until N+1 itself finishes. Measured over the protocol with three 2 s cells: cell 1's reply came at 4.1 s,
// cell 2's at 6.1 s. JupyterLab keeps [*] on the finished cell while the next computes, and the kernel indicator
// reads "idle" (the last status sent was N−1's idle) while cells are still running.
//
// Fix, from the library side: each queued cell starts after one macrotask (setImmediate), so cell N's reply and idle
// leave first; and an execute_request's "busy" is published when its cell starts, not when it arrives (the order
// ipykernel uses). Same protocol measurement with the fix: replies at 2.05, 4.08 and 6.11 s. In JupyterLab 4.6 (npm run
// test:lab) every notebook's Run All then shows each cell's count before the next cell's output appears.
// Cells that fail still cancel the queued ones as before (the wrapped task is skipped by the same rejection); a
// cancelled request then gets its busy just before its abort reply and idle, as ipykernel sends them.
// What changes: between two cells there is now one event-loop turn. A SIGINT (interrupt) landing exactly in that
// gap finds no cell running and is lost, so Run All goes on; an interrupt during a cell works as before.

/** tslab's promise queue, as much of it as we touch. */
export interface TaskQueueLike {
  add(fn: () => unknown): Promise<unknown>;
}
interface ServerLike {
  publishStatus(status: string, parent: { header?: { msg_type?: string } }): void;
}
type Proto<T> = { prototype: T };

const PATCHED = Symbol.for("careful-init-course.runAllOrder");

/** Applies the fix to the given classes (tslab's TaskQueue and ZmqServer); idempotent. Exported for the test. */
export function patchRunAllOrder(taskQueue: Proto<TaskQueueLike>, server: Proto<ServerLike>): void {
  const queueProto = taskQueue.prototype as TaskQueueLike & { [PATCHED]?: true };
  if (queueProto[PATCHED]) return;
  if (typeof queueProto.add !== "function" || typeof server.prototype.publishStatus !== "function") {
    throw new Error("patchRunAllOrder: expected TaskQueue.prototype.add and ZmqServer.prototype.publishStatus (tslab 1.0.22)");
  }
  // publishStatus("busy") and queue.add run in the same tick for one execute_request, so one slot carries it over.
  let pendingBusy: (() => void) | null = null;
  const publishStatus = server.prototype.publishStatus;
  server.prototype.publishStatus = function (this: ServerLike, status, parent) {
    if (status === "busy" && parent?.header?.msg_type === "execute_request") {
      pendingBusy = () => publishStatus.call(this, status, parent);
      return;
    }
    publishStatus.call(this, status, parent);
  };
  const add = queueProto.add;
  queueProto.add = function (this: TaskQueueLike, fn) {
    const busy = pendingBusy;
    pendingBusy = null;
    let started = false;
    const task = add.call(this, () => new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      started = true;
      busy?.();
      return fn();
    }));
    // Cancelled before it started (an earlier cell failed): still say busy, ahead of tslab's reply and idle, whose
    // handlers are attached after this one.
    task.then(undefined, () => {
      if (!started) busy?.();
    });
    return task;
  };
  queueProto[PATCHED] = true;
}

/**
 * Applies the fix inside a running tslab kernel; does nothing in plain node (tests, scripts), where tslab is not
 * loaded. Returns whether the kernel is now patched.
 */
export function fixRunAllOrder(): boolean {
  const loaded = (id: string): Record<string, unknown> | null => {
    try {
      return (require.cache[require.resolve(id)]?.exports as Record<string, unknown>) ?? null;
    } catch {
      return null;
    }
  };
  const util = loaded("tslab/dist/util");
  const jupyter = loaded("tslab/dist/jupyter");
  if (util === null || jupyter === null || jupyter.lastWriteDisplayData === null) return false;
  patchRunAllOrder(util.TaskQueue as Proto<TaskQueueLike>, jupyter.ZmqServer as Proto<ServerLike>);
  return true;
}

/**
 * What importing the course does: fixRunAllOrder(), and if this tslab's classes look different (another version), a
 * warning that names what was expected, not a failed import; only the [*] marker's timing is at stake.
 */
export function fixRunAllOrderOnImport(fix: () => boolean = fixRunAllOrder, warn: (message: string) => void = console.warn): boolean {
  try {
    return fix();
  } catch (err) {
    warn(`careful-init-course: Run All order not fixed (${(err as Error).message}); the [*] marker may lag one cell behind`);
    return false;
  }
}
