// A fully connected layer without bias, as in the tutorial: out = x · W.

import { Matrix, shapeString } from "../engine/matrix";
import { matmul } from "../engine/matmul";
import { expectBoolean, expectMatrix } from "../engine/checks";

// x is (N, in), w is (in, out)  ->  out is (N, out)
export function denseForward(x: Matrix, w: Matrix): Matrix {
  expectMatrix("denseForward", "input x", x);
  expectMatrix("denseForward", "weights w", w);
  if (x.cols !== w.rows) {
    throw new Error(
      `denseForward: input ${shapeString(x)} and weights ${shapeString(w)} not aligned: ` +
        `the input has ${x.cols} features but the weights expect ${w.rows}`,
    );
  }
  return matmul(x, w);
}

// dout is (N, out)  ->  dw is (in, out) = xᵀ · dout,  dx is (N, in) = dout · wᵀ
// dx is skipped for the first layer, whose input is data, not something to update.
export function denseBackward(dout: Matrix, x: Matrix, w: Matrix, needDx = true): { dw: Matrix; dx: Matrix | null } {
  expectMatrix("denseBackward", "dout", dout);
  expectMatrix("denseBackward", "input x", x);
  expectMatrix("denseBackward", "weights w", w);
  expectBoolean("denseBackward", "needDx", needDx);
  if (x.cols !== w.rows || dout.rows !== x.rows || dout.cols !== w.cols) {
    throw new Error(
      `denseBackward: dout ${shapeString(dout)}, input ${shapeString(x)} and weights ${shapeString(w)} not aligned: ` +
        `expected x (N,in), w (in,out), dout (N,out)`,
    );
  }
  const dw = matmul(x, dout, { transA: true });
  const dx = needDx ? matmul(dout, w, { transB: true }) : null;
  return { dw, dx };
}
