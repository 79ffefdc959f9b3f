// Every weight 0: the start that looks neutral and cannot learn. Every unit of a layer computes the same thing and
// gets the same gradient, so they stay copies of each other; with ReLU (whose slope the course takes as 0 at 0) and no
// biases, no gradient reaches any weight at all. The playground offers it next to the presets to show exactly that.

import { Matrix } from "../engine/matrix";
import { Initializer } from "./initializer";
import { checkFans } from "./variance_scaling";

export function zerosInit(): Initializer {
  return (fanIn: number, fanOut: number): Matrix => {
    checkFans("zerosInit", fanIn, fanOut);
    return Matrix.zeros(fanIn, fanOut);
  };
}
