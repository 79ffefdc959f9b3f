// parallelRuns must give exactly what running the same experiments one after another gives, in order,
// and fail clearly on a bad name, bad arguments or a run that throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as course from "../../lib/index";

test("parallelRuns gives the serial results, bit for bit and in order, with helper threads and without", () => {
  const args: [string, number, number][] = [["He", 1, 4], ["Xavier", 1, 4], ["He", 2, 3], ["Xavier", 3, 5], ["He", 4, 2]];
  const serial = args.map((a) => course.nb03.deepReluRunAtDepth(...a));
  course.setParallelHelpers(1);
  const parallel = course.parallelRuns("nb03.deepReluRunAtDepth", args);
  course.setParallelHelpers(0);
  const here = course.parallelRuns("nb03.deepReluRunAtDepth", args);
  course.setParallelHelpers("auto");
  assert.deepStrictEqual(parallel, serial);
  assert.deepStrictEqual(here, serial);
  assert.ok(serial.every((r) => r.history.loss.length === 300 && Number.isFinite(r.finalLoss)));
});

test("parallelRuns revives Matrices that cross threads", () => {
  course.setParallelHelpers(1);
  const [a, b] = course.parallelRuns("nb03.digitsData", [[], []]).map((d) => (d as unknown as { train: { x: course.Matrix } }).train.x);
  course.setParallelHelpers("auto");
  assert.ok(a instanceof course.Matrix && b instanceof course.Matrix);
  assert.deepStrictEqual(a.data, b.data);
});

test("parallelRuns names what is wrong: an unknown experiment, arguments that are not lists, a run that throws", () => {
  assert.throws(() => course.parallelRuns("nb03.noSuchRun", [[]]), /no experiment named "nb03.noSuchRun"/);
  assert.throws(() => course.parallelRuns("nb03.deepReluRun", [["He", 1], "Xavier" as unknown as unknown[]]), /expected an array of argument lists/);
  course.setParallelHelpers(1);
  assert.throws(() => course.parallelRuns("nb03.deepReluRunAtDepth", [["He", 1, 2], ["He", 1, -1]]), /run 1 \(arguments \["He",1,-1\]\): deepReluRunAtDepth: expected a positive integer number of hidden layers, got -1/);
  course.setParallelHelpers("auto");
  assert.throws(() => course.setParallelHelpers(-1), /expected "auto" or an integer from 0 to 7, got -1/);
});
