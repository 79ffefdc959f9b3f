// numpy's .npy file format: how the course stores arrays that numpy wrote (the parity fixtures in data/parity/).
// The format, as documented by numpy (numpy.lib.format):
//   bytes 0..5   magic string "\x93NUMPY"
//   bytes 6, 7   format version, major then minor: 1.0, 2.0 or 3.0
//   then         header length: uint16 little-endian (v1.0) or uint32 little-endian (v2.0, v3.0)
//   then         header: a Python dict literal, e.g. {'descr': '<f8', 'fortran_order': False, 'shape': (128, 1000), }
//                padded with spaces and ended by '\n' (ASCII in v1/v2, UTF-8 in v3)
//   then         the raw element bytes
// We read only what the course stores: dtype '<f8' (little-endian float64) in C (row-major) order.
// Anything else is refused with an error that names the file and says what was found, never silently converted.

import { readFileSync } from "node:fs";
import { Matrix } from "../engine/matrix";
import { describeValue, expectMatrix } from "../engine/checks";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const SUPPORTED_DTYPE = "<f8";

/** An n-dimensional float64 array as stored in a .npy file: C-order data with its shape. */
export interface NpyArray {
  shape: number[];
  data: Float64Array;
}

/** Parses the bytes of a .npy file. `source` (a file name) is named in every error. */
export function parseNpy(bytes: Uint8Array, source = "<bytes>"): NpyArray {
  if (!(bytes instanceof Uint8Array)) throw new Error(`parseNpy: expected bytes to be a Uint8Array (a Buffer is one), got ${describeValue(bytes)}`);
  function fail(what: string): never {
    throw new Error(`npy ${source}: ${what}`);
  }
  if (MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(`not a .npy file: expected the magic string \\x93NUMPY at byte 0, got ${showBytes(bytes.subarray(0, 6))}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) fail(`truncated header: the file ends after ${bytes.length} bytes`);
  const [major, minor] = [bytes[6], bytes[7]];
  if (!(minor === 0 && (major === 1 || major === 2 || major === 3))) {
    fail(`unsupported .npy format version ${major}.${minor} (expected 1.0, 2.0 or 3.0)`);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) fail(`truncated header: the file ends after ${bytes.length} bytes`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (dataStart > bytes.length) {
    fail(`truncated header: it should be ${headerLength} bytes long but only ${bytes.length - 8 - lengthBytes} follow`);
  }
  const headerText = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(8 + lengthBytes, dataStart));

  let header: unknown;
  try {
    header = parsePythonLiteral(headerText);
  } catch (e) {
    fail(`malformed header ${JSON.stringify(headerText.trim())}: ${(e as Error).message}`);
  }
  const { descr, fortran_order: fortranOrder, shape } = checkHeader(header, headerText, fail);

  if (descr !== SUPPORTED_DTYPE) {
    fail(`unsupported dtype '${descr}' (expected '${SUPPORTED_DTYPE}', little-endian float64; in numpy: a.astype('<f8'))`);
  }
  if (fortranOrder) {
    fail(`array is stored in Fortran (column-major) order; expected C order (in numpy: np.ascontiguousarray(a))`);
  }

  const count = shape.reduce((p, n) => p * n, 1);
  const needed = count * 8;
  const got = bytes.length - dataStart;
  if (got < needed) {
    fail(`truncated data: shape ${shapeText(shape)} of '<f8' needs ${needed} bytes after the header, got ${got}`);
  }
  if (got > needed) {
    fail(`${got - needed} unexpected bytes after the data: shape ${shapeText(shape)} of '<f8' needs ${needed} bytes, got ${got}`);
  }
  const data = new Float64Array(count);
  for (let k = 0; k < count; k++) data[k] = view.getFloat64(dataStart + 8 * k, true);
  return { shape, data };
}

/** Reads a .npy file (see parseNpy). Errors name the file. */
export function readNpy(path: string): NpyArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (e as Error).message;
    throw new Error(`npy ${path}: cannot read the file: ${why}`);
  }
  return parseNpy(bytes, path);
}

/**
 * An array as a Matrix. 2-D (r, c) stays (r, c); 1-D (n,) becomes a row vector (1, n), as numpy's np.atleast_2d does.
 * Other ranks and empty arrays are refused. With `expectedShape`, any other shape is an error too.
 */
export function npyToMatrix(array: NpyArray, source = "<array>", expectedShape?: readonly [number, number]): Matrix {
  if (array === null || typeof array !== "object") throw new Error(`npyToMatrix: expected array to be what parseNpy returns, got ${describeValue(array)}`);
  const { shape, data } = array;
  if (shape.length !== 1 && shape.length !== 2) {
    throw new Error(`npy ${source}: expected a 1-D or 2-D array, got shape ${shapeText(shape)}`);
  }
  const [rows, cols] = shape.length === 1 ? [1, shape[0]] : shape;
  if (rows === 0 || cols === 0) throw new Error(`npy ${source}: expected a non-empty array, got shape ${shapeText(shape)}`);
  if (expectedShape && (rows !== expectedShape[0] || cols !== expectedShape[1])) {
    throw new Error(`npy ${source}: expected shape (${expectedShape[0]},${expectedShape[1]}), got ${shapeText(shape)}`);
  }
  return new Matrix(rows, cols, data);
}

/** Reads a 1-D or 2-D '<f8' .npy file into a Matrix (1-D becomes a (1, n) row). */
export function readNpyMatrix(path: string, expectedShape?: readonly [number, number]): Matrix {
  return npyToMatrix(readNpy(path), path, expectedShape);
}

/** The bytes of a .npy file (format 1.0, '<f8', C order) holding m, as np.save would write it. */
export function encodeNpy(m: Matrix): Uint8Array {
  expectMatrix("encodeNpy", "m", m);
  const dict = `{'descr': '${SUPPORTED_DTYPE}', 'fortran_order': False, 'shape': (${m.rows}, ${m.cols}), }`;
  // numpy pads the header with spaces so that magic + version + length + header is a multiple of 64 bytes.
  const unpadded = 10 + dict.length + 1;
  const header = dict + " ".repeat((64 - (unpadded % 64)) % 64) + "\n";
  const out = new Uint8Array(10 + header.length + 8 * m.size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const dataStart = 10 + header.length;
  for (let k = 0; k < m.size; k++) view.setFloat64(dataStart + 8 * k, m.data[k], true);
  return out;
}

/** Writes m to path as a .npy file numpy can load (np.load). */
// --- the header: a small parser for the Python literals numpy writes there (dict, str, bool, int, tuple) ---

interface NpyHeader {
  descr: string;
  fortran_order: boolean;
  shape: number[];
}

function checkHeader(header: unknown, text: string, fail: (what: string) => never): NpyHeader {
  const shown = JSON.stringify(text.trim());
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    fail(`malformed header ${shown}: expected a dict`);
  }
  const h = header as Record<string, unknown>;
  for (const key of ["descr", "fortran_order", "shape"]) {
    if (!(key in h)) fail(`malformed header ${shown}: the key '${key}' is missing`);
  }
  if (typeof h.descr !== "string") fail(`unsupported dtype ${JSON.stringify(h.descr)} (expected '${SUPPORTED_DTYPE}'; structured dtypes are not supported)`);
  if (typeof h.fortran_order !== "boolean") fail(`malformed header ${shown}: 'fortran_order' should be True or False`);
  const shape = h.shape;
  if (!Array.isArray(shape) || !shape.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    fail(`malformed header ${shown}: 'shape' should be a tuple of non-negative integers`);
  }
  return { descr: h.descr as string, fortran_order: h.fortran_order as boolean, shape: shape as number[] };
}

type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

function parsePythonLiteral(text: string): PyValue {
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const expect = (ch: string) => {
    skipSpace();
    if (text[pos] !== ch) throw new Error(`expected '${ch}' at character ${pos}, got ${text[pos] === undefined ? "the end" : `'${text[pos]}'`}`);
    pos++;
  };
  // Items of a dict, tuple or list up to `close`, allowing Python's trailing comma.
  const items = (close: string, item: () => void) => {
    skipSpace();
    while (text[pos] !== close) {
      item();
      skipSpace();
      if (text[pos] === ",") pos++;
      else if (text[pos] !== close) throw new Error(`expected ',' or '${close}' at character ${pos}`);
      skipSpace();
    }
    pos++;
  };
  const value = (): PyValue => {
    skipSpace();
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      const dict: { [key: string]: PyValue } = {};
      items("}", () => {
        const key = value();
        if (typeof key !== "string") throw new Error(`dict keys should be strings, got ${JSON.stringify(key)}`);
        expect(":");
        dict[key] = value();
      });
      return dict;
    }
    if (ch === "(" || ch === "[") {
      pos++;
      const list: PyValue[] = [];
      items(ch === "(" ? ")" : "]", () => list.push(value()));
      return list;
    }
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, pos + 1);
      if (end < 0) throw new Error(`unterminated string starting at character ${pos}`);
      const s = text.slice(pos + 1, end);
      pos = end + 1;
      return s;
    }
    const word = /^(True|False|None|-?\d+L?)/.exec(text.slice(pos));
    if (!word) throw new Error(`unexpected ${ch === undefined ? "end" : `'${ch}'`} at character ${pos}`);
    pos += word[0].length;
    if (word[0] === "True") return true;
    if (word[0] === "False") return false;
    if (word[0] === "None") return null;
    return Number(word[0].replace("L", "")); // "L": Python 2's long suffix, still seen in old files
  };
  const result = value();
  skipSpace();
  if (pos !== text.length) throw new Error(`unexpected '${text[pos]}' after the end at character ${pos}`);
  return result;
}

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

function showBytes(b: Uint8Array): string {
  if (b.length === 0) return "an empty file";
  return `"${Array.from(b, (c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, "0")}`)).join("")}"`;
}
