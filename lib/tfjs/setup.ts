// The one place that prepares TensorFlow.js for Node. tfjs-node (native TensorFlow) cannot install here, so we use
// the WebAssembly backend, loading its .wasm binaries from node_modules by file path, and fall back to the plain
// JavaScript "cpu" backend if WebAssembly cannot start. Both compute in float32.
//
// Safe to call any number of times, from notebooks, tests and benchmarks: the WebAssembly module is set up once,
// and later calls only switch the active backend when a different one is asked for.

import * as fs from "fs";
import * as path from "path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { checkOptions } from "../engine/checks";

export type TfBackendName = "wasm" | "cpu";

export interface TfjsSetup {
  /** The backend every tf op now runs on. */
  backend: TfBackendName;
  /** Whether the wasm backend runs its SIMD build (false on the cpu backend). */
  simd: boolean;
  /** Version of @tensorflow/tfjs. */
  version: string;
  /** Why the preferred backend is not the one in use, when it is not. */
  fallbackReason: string | null;
}

export interface TfjsSetupOptions {
  /** Which backend to try first; "wasm" unless told otherwise. "cpu" is always available. */
  prefer?: TfBackendName;
  /** Where the .wasm files are (default: wasmBinaryDirectory()). Only read the first time wasm starts. */
  wasmDirectory?: string;
}

/** The folder holding tfjs-backend-wasm's .wasm files, e.g. .../node_modules/@tensorflow/tfjs-backend-wasm/dist/. */
export function wasmBinaryDirectory(): string {
  const packageJson = require.resolve("@tensorflow/tfjs-backend-wasm/package.json");
  return path.join(path.dirname(packageJson), "dist") + path.sep;
}

// The binaries tfjs picks from: plain, and with SIMD (the threaded build needs browser workers, so Node never uses it).
const WASM_FILES = ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm"];

// Set once: setWasmPaths must run before the wasm backend first initialises, and never again after.
let wasmPathsSet = false;
let current: Promise<TfjsSetup> | null = null;
let currentPreference: TfBackendName | null = null;

/** Makes tfjs ready on the preferred backend (wasm by default, cpu as fallback) and says which one is in use. */
export function setupTfjs(options: TfjsSetupOptions = {}): Promise<TfjsSetup> {
  // A function returning a Promise reports bad arguments through it, never by throwing synchronously.
  if (options === null || typeof options !== "object") {
    return Promise.reject(new Error(`setupTfjs: expected options to be an object, got ${options === null ? "null" : typeof options}`));
  }
  const prefer = options.prefer ?? "wasm";
  if (prefer !== "wasm" && prefer !== "cpu") {
    return Promise.reject(new Error(`setupTfjs: expected prefer to be "wasm" or "cpu", got ${JSON.stringify(prefer)}`));
  }
  if (options.wasmDirectory !== undefined && typeof options.wasmDirectory !== "string") {
    return Promise.reject(new Error(`setupTfjs: expected wasmDirectory to be a path string, got ${typeof options.wasmDirectory}`));
  }
  if (current !== null && currentPreference === prefer) {
    // Another caller (a test, a benchmark) may have switched backends since; put ours back if so.
    return current.then(async (setup) => {
      if (tf.getBackend() !== setup.backend) await activate(setup.backend);
      return setup;
    });
  }
  currentPreference = prefer;
  const started = start(prefer, options.wasmDirectory);
  current = started;
  // A fallback (e.g. a wrong wasmDirectory) is not remembered: the next call tries the preferred backend again.
  started.then(
    (setup) => {
      if (setup.fallbackReason !== null && current === started) current = null;
    },
    () => {
      if (current === started) current = null;
    },
  );
  return started;
}

async function start(prefer: TfBackendName, wasmDirectory: string | undefined): Promise<TfjsSetup> {
  let fallbackReason: string | null = null;
  if (prefer === "wasm") {
    try {
      if (!wasmPathsSet) {
        const dir = wasmDirectory ?? wasmBinaryDirectory();
        const missing = WASM_FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
        // tfjs would only log the failure and return false; checking first gives the reason in words.
        if (missing.length > 0) throw new Error(`${missing.join(", ")} not found in ${dir}`);
        setWasmPaths(dir.endsWith(path.sep) ? dir : dir + path.sep);
        wasmPathsSet = true;
      }
      if (await activate("wasm")) return describe("wasm", null);
      fallbackReason = "tf.setBackend('wasm') returned false";
    } catch (err) {
      fallbackReason = `the wasm backend failed to start: ${(err as Error)?.message ?? String(err)}`;
    }
  }
  if (!(await activate("cpu"))) {
    throw new Error(`setupTfjs: neither the wasm nor the cpu backend could start (${fallbackReason ?? "cpu refused"})`);
  }
  return describe("cpu", fallbackReason);
}

async function activate(name: TfBackendName): Promise<boolean> {
  const ok = await tf.setBackend(name);
  await tf.ready();
  return ok && tf.getBackend() === name;
}

async function describe(backend: TfBackendName, fallbackReason: string | null): Promise<TfjsSetup> {
  const simd = backend === "wasm" ? Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) : false;
  return { backend, simd, version: tf.version.tfjs, fallbackReason };
}

/** One line for a notebook or benchmark: "tfjs 4.22.0 on the wasm backend (SIMD)". */
export function describeTfjsSetup(setup: TfjsSetup): string {
  checkOptions("describeTfjsSetup", "setup (from setupTfjs)", setup);
  const detail = setup.backend === "wasm" ? (setup.simd ? " (SIMD)" : " (no SIMD)") : "";
  const why = setup.fallbackReason ? `; fell back because ${setup.fallbackReason}` : "";
  return `tfjs ${setup.version} on the ${setup.backend} backend${detail}${why}`;
}
