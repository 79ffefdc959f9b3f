#!/usr/bin/env node
// Bundle the playground page (playground/main.ts, with lib/playground, lib/init and TensorFlow.js) into one classic
// script for rendered/, where pages open from file:// (module scripts would be refused there). Called by
// scripts/render_course.py; usage: node scripts/bundle_playground.js OUT_DIR
"use strict";
const path = require("path");
const { execFileSync } = require("child_process");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "..");
const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/bundle_playground.js OUT_DIR");
  process.exit(2);
}
// Type-check the page code against the DOM first: esbuild only strips types.
execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "playground/tsconfig.json")], { stdio: "inherit" });
const result = esbuild.buildSync({
  entryPoints: [path.join(root, "playground/main.ts")],
  outfile: path.join(out, "playground.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`  playground.js: ${(bytes / 1e6).toFixed(2)} MB (TensorFlow.js + the course's initializers)`);
