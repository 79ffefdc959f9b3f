// The house rules of lib/, checked on the sources: which folder may import which, no file over 300 lines,
// and the core entry loading no TensorFlow.js.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, ".."); // compiled to build/test/
const LIB = path.join(ROOT, "..", "lib");

// Each folder and the folders it may import (besides itself). Data flows up: engine → init → nn → train → plot,
// tfjs and data are side wings, experiments (and the playground) sit on top, and the exercises on the experiments. init is under nn: an initializer only
// draws a matrix, and a network takes one to build itself; LSUV, which runs a network on data, lives in train.
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  engine: [],
  data: ["engine"],
  init: ["engine"],
  nn: ["engine", "init"],
  train: ["engine", "init", "nn"],
  plot: ["engine", "init", "nn", "train"],
  tfjs: ["engine", "init", "nn", "train"],
  playground: ["engine", "init", "nn", "train", "tfjs"],
  experiments: ["engine", "init", "nn", "train", "plot", "tfjs", "data"],
  // The exercises' checkers sit on top: they may replay a notebook's experiment to judge an answer.
  exercises: ["engine", "init", "nn", "train", "plot", "tfjs", "data", "experiments"],
};
// Entry files at lib/'s top: the core entry gets everything but tfjs; the tfjs entry everything.
const ENTRIES: Readonly<Record<string, readonly string[]>> = {
  "index.ts": ["engine", "data", "init", "nn", "train", "plot", "experiments", "exercises"],
  "index_tfjs.ts": [...Object.keys(MAY_IMPORT), "index.ts"],
};
// Within a folder, general files never import the specific ones they are a general form of.
const NEVER_IMPORTS: ReadonlyArray<readonly [string, string]> = [
  ["nn/model.ts", "nn/three_layer_net.ts"],
  ["nn/mlp.ts", "nn/three_layer_net.ts"],
  ["nn/loss.ts", "nn/sum_of_squares_loss.ts"],
  ["engine/matmul_worker.ts", "engine/matmul_wasm.ts"],
];

function libFiles(dir = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return libFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** The lib-relative files a source imports (relative imports only), e.g. "engine/matrix.ts". */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)) {
    const target = path.resolve(path.dirname(file), m[1]);
    const candidates = [`${target}.ts`, path.join(target, "index.ts"), target];
    const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? `${target}.ts`;
    found.push(path.relative(LIB, hit).split(path.sep).join("/"));
  }
  return found;
}

const rel = (file: string) => path.relative(LIB, file).split(path.sep).join("/");
const folderOf = (relPath: string) => (relPath.includes("/") ? relPath.split("/")[0] : relPath);

test("the import scan sees the imports it should (a scan that finds nothing would pass every rule)", () => {
  const gd = importsOf(path.join(LIB, "train", "gradient_descent.ts"));
  assert.ok(gd.includes("engine/matrix.ts") && gd.includes("nn/model.ts"), `gradient_descent imports: ${gd.join(", ")}`);
  assert.ok(importsOf(path.join(LIB, "index_tfjs.ts")).includes("tfjs/index.ts"));
  assert.ok(libFiles().length > 60, `found ${libFiles().length} lib files`);
});

test("every lib folder imports only the folders under it; no core folder imports the experiments wing", () => {
  const wrong: string[] = [];
  for (const file of libFiles()) {
    const from = rel(file);
    const folder = folderOf(from);
    const allowed = from.includes("/") ? MAY_IMPORT[folder] : ENTRIES[from];
    assert.ok(allowed, `lib/${from}: a folder or entry the layout rules do not know; add it to MAY_IMPORT`);
    for (const to of importsOf(file)) {
      const target = folderOf(to);
      if (target !== folder && !allowed.includes(target)) wrong.push(`lib/${from} imports lib/${to}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("only the tfjs side wing and what sits on it import TensorFlow.js", () => {
  const mayLoadTf = new Set(["tfjs", "playground", "experiments", "exercises"]);
  const wrong = libFiles()
    .filter((f) => !mayLoadTf.has(folderOf(rel(f))) && /\bfrom\s+"@tensorflow\//.test(fs.readFileSync(f, "utf8")))
    .map(rel);
  assert.deepEqual(wrong, []);
});

test("general files do not import the specific ones", () => {
  for (const [general, specific] of NEVER_IMPORTS) {
    assert.ok(!importsOf(path.join(LIB, general)).includes(specific), `lib/${general} imports lib/${specific}`);
  }
});

test("no lib file is over 300 lines", () => {
  const long = libFiles()
    .map((f) => ({ file: rel(f), lines: fs.readFileSync(f, "utf8").split("\n").length - 1 }))
    .filter((f) => f.lines > 300);
  assert.deepEqual(long, []);
});

test("the core entry loads no TensorFlow.js; the tfjs entry does", () => {
  // In a child process, so that nothing this test process has loaded counts.
  const loaded = (entry: string): string[] => {
    const script =
      `require(${JSON.stringify(entry)});` +
      `console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes("@tensorflow"))));`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  };
  assert.deepEqual(loaded(path.join(ROOT, "lib", "index.js")), []);
  assert.ok(loaded(path.join(ROOT, "lib", "index_tfjs.js")).length > 0, "the tfjs entry should load @tensorflow/tfjs");
});
