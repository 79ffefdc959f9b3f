// Every runtime export of the public entry (lib/index_tfjs.ts: the core plus course.tfjs, nb04, nb05tf), called with
// null where its first argument goes (and with nothing, when that argument has no default), must throw an Error that says what it expected and what came — never answer
// silently, never fail inside with "Cannot read properties of null". Functions are found by walking the entry, so a
// new export is probed the day it is added, and the test fails until it checks its arguments.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as course from "../../lib/index_tfjs";

/** Exports that take no argument at all: nothing to get wrong. */
const TAKES_NOTHING = new Set([
  "getMatmulKernel", "wasmMatmulStatus", "getMatmulThreads", "matmulThreadStatus", "closeBrowser", "chromiumAvailable",
  "defaultMnistDir", "fixRunAllOrder", "tfjs.wasmBinaryDirectory", "nb03.digitsSizes", "nb03.reluSecondMomentFraction",
  "standardInitializers", "exercises.nb01.plantedBugProblem", "naiveNormal", "lecunNormal", "xavierNormal", "xavierUniform",
  "nb03.digitsData", "nb04.libSourceRoot", "nb05tf.defaultKernelInitializer",
]);

/** The exercises' checkers grade whatever a learner passes, null included: they answer with a verdict, by design. */
const GRADES_ANY_ANSWER = /^exercises\.nb\d\d\.\w+\.(check|evaluate)$/;

const NATIVE_MESSAGE = /Cannot (read|destructure|convert)|is not (a function|iterable|an object)|undefined is not|null is not|Invalid typed array length/;

function exportedFunctions(): [string, (...args: unknown[]) => unknown][] {
  const found: [string, (...args: unknown[]) => unknown][] = [];
  const seen = new Set<unknown>();
  const walk = (obj: Record<string, unknown>, prefix: string, depth: number) => {
    for (const key of Object.keys(obj).sort()) {
      const v = obj[key];
      if (typeof v === "function") {
        if (!seen.has(v)) found.push([prefix + key, v as (...args: unknown[]) => unknown]);
        seen.add(v);
      } else if (v !== null && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v) && depth < 3) {
        const proto = Object.getPrototypeOf(v);
        if (proto === null || proto === Object.prototype) walk(v as Record<string, unknown>, `${prefix}${key}.`, depth + 1);
      }
    }
  };
  walk(course as unknown as Record<string, unknown>, "", 0);
  return found;
}

const isClass = (f: unknown) => /^class\b/.test(Function.prototype.toString.call(f));

/** What calling f with `bad` as its first argument did: "clear" (an Error saying what it expected), or what went wrong. */
async function probe(f: (...args: unknown[]) => unknown, bad: unknown): Promise<string> {
  try {
    let r = isClass(f) ? new (f as unknown as new (x: unknown) => unknown)(bad) : f(bad);
    if (r instanceof Promise) r = await r;
    return `answered ${typeof r}`;
  } catch (e) {
    if (!(e instanceof Error)) return `threw a non-Error ${String(e)}`;
    if (NATIVE_MESSAGE.test(e.message)) return `failed inside: ${e.constructor.name}: ${e.message}`;
    if (!/expected|got |must /.test(e.message)) return `unclear: ${e.message}`;
    return "clear";
  }
}

test("every exported function, given null (or, when required, nothing) for its first argument, throws an Error saying what it expected and what came", async () => {
  const functions = exportedFunctions();
  const names = new Set(functions.map(([n]) => n));
  for (const listed of TAKES_NOTHING) assert.ok(names.has(listed), `${listed} is listed but no longer exported`);
  const failures: string[] = [];
  let clear = 0;
  let graded = 0;
  let clearUndefined = 0;
  for (const [name, f] of functions) {
    if (TAKES_NOTHING.has(name)) continue;
    if (GRADES_ANY_ANSWER.test(name)) {
      graded++;
      continue;
    }
    const outcome = await probe(f, null);
    if (outcome === "clear") clear++;
    else failures.push(`${name}(null): ${outcome}`);
    // A first parameter without a default (f.length ≥ 1) is required: leaving it out must be named too.
    if (f.length >= 1) {
      const missing = await probe(f, undefined);
      if (missing === "clear") clearUndefined++;
      else failures.push(`${name}(undefined): ${missing}`);
    }
  }
  console.log(`${functions.length} exported functions and classes: ${TAKES_NOTHING.size} take nothing, ${graded} exercise checkers grade any answer, ${clear} reject null clearly, ${clearUndefined} reject a missing first argument clearly`);
  assert.deepEqual(failures, [], "exports that do not reject null with a clear Error: check the argument at the boundary (lib/engine/checks.ts)");
  assert.ok(clear >= 200, `only ${clear} exports probed: did the walk over the entry break?`);
});
