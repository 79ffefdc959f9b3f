import { test } from "node:test";
import * as assert from "node:assert/strict";
import { fixRunAllOrder, fixRunAllOrderOnImport, patchRunAllOrder, type TaskQueueLike } from "../../lib/plot/run_all_order";

// tslab's real promise queue; the server below models the await chain of tslab 1.0.22's shell handler
// (handleShellMessage → handleExecute → JupyterHandlerImpl.handleExecute → execQueue.add), which is what orders
// a cell's reply after the next cell's start.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { TaskQueue, TaskCanceledError } = require("tslab/dist/util") as { TaskQueue: new () => TaskQueueLike; TaskCanceledError: new (r: unknown) => Error };

interface Parent { header: { msg_type: string }; cell: string }
function makeServerClass(log: string[]) {
  return class Server {
    publishStatus(status: string, parent: Parent): void {
      log.push(`${status} ${parent.cell}`);
    }
  };
}

async function runAll(Queue: new () => TaskQueueLike, Server: ReturnType<typeof makeServerClass>, log: string[], cells: { name: string; fails?: boolean }[]) {
  const server = new Server();
  const queue = new Queue();
  const handle = async (cell: { name: string; fails?: boolean }) => {
    const parent = { header: { msg_type: "execute_request" }, cell: cell.name };
    server.publishStatus("busy", parent);
    try {
      const result = await (async () => {
        try {
          return await queue.add(() => {
            log.push(`start ${cell.name}`);
            if (cell.fails) throw new Error(`${cell.name} failed`);
            log.push(`end ${cell.name}`);
            return cell.name;
          });
        } catch (e) {
          return e instanceof TaskCanceledError ? "cancelled" : "error";
        }
      })();
      log.push(`reply ${cell.name} ${result}`);
    } finally {
      server.publishStatus("idle", parent);
    }
  };
  await Promise.all(cells.map(handle)); // all requests arrive at once, as under Run All
}

test("unpatched tslab queue: cell b starts before cell a's reply is sent (the Run All marker lag)", async () => {
  const log: string[] = [];
  await runAll(class extends TaskQueue {}, makeServerClass(log), log, [{ name: "a" }, { name: "b" }]);
  assert.ok(log.indexOf("start b") < log.indexOf("reply a a"), log.join(", "));
  assert.ok(log.indexOf("busy b") < log.indexOf("start a"), "busy published on arrival");
});

test("patched: each cell's busy, run, reply and idle come in order, one cell after the other", async () => {
  const log: string[] = [];
  const Queue = class extends TaskQueue {};
  const Server = makeServerClass(log);
  patchRunAllOrder(Queue, Server);
  patchRunAllOrder(Queue, Server); // idempotent: a second import of the library must not wrap twice
  await runAll(Queue, Server, log, [{ name: "a" }, { name: "b" }, { name: "c" }]);
  assert.deepEqual(log, ["a", "b", "c"].flatMap((c) => [`busy ${c}`, `start ${c}`, `end ${c}`, `reply ${c} ${c}`, `idle ${c}`]));
});

test("patched: a failing cell still cancels the queued ones, and every request gets its idle", async () => {
  const log: string[] = [];
  const Queue = class extends TaskQueue {};
  const Server = makeServerClass(log);
  patchRunAllOrder(Queue, Server);
  await runAll(Queue, Server, log, [{ name: "a", fails: true }, { name: "b" }]);
  assert.ok(!log.includes("start b"), log.join(", "));
  assert.ok(log.includes("reply a error") && log.includes("reply b cancelled"), log.join(", "));
  assert.ok(log.includes("idle a") && log.includes("idle b"));
  // Every request says busy before its reply and idle, the cancelled one included (as ipykernel does).
  for (const c of ["a", "b"]) {
    assert.ok(log.indexOf(`busy ${c}`) >= 0 && log.indexOf(`busy ${c}`) < log.indexOf(`reply ${c} ${c === "a" ? "error" : "cancelled"}`), log.join(", "));
    assert.ok(log.indexOf(`reply ${c} ${c === "a" ? "error" : "cancelled"}`) < log.indexOf(`idle ${c}`), log.join(", "));
  }
});

test("patchRunAllOrder names what it expected when tslab's classes look different", () => {
  assert.throws(() => patchRunAllOrder(class {} as never, class {} as never), /expected TaskQueue\.prototype\.add and ZmqServer\.prototype\.publishStatus/);
});

test("outside a tslab kernel nothing is patched", () => {
  assert.equal(fixRunAllOrder(), false);
});

test("on import, a tslab whose classes look different gets a warning naming what was expected, not a failed import", () => {
  const warnings: string[] = [];
  const fixed = fixRunAllOrderOnImport(() => patchRunAllOrder(class {} as never, class {} as never) as never, (m) => warnings.push(m));
  assert.equal(fixed, false);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /Run All order not fixed \(patchRunAllOrder: expected TaskQueue\.prototype\.add/);
  assert.equal(fixRunAllOrderOnImport(() => true, (m) => warnings.push(m)), true);
  assert.equal(warnings.length, 1);
});
