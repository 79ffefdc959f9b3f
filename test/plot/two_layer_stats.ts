// A tiny ReLU net whose statistics the plot tests can check by hand.
import { Matrix } from "../../lib/engine/matrix";
import { Mlp } from "../../lib/nn/mlp";
import { sumOfSquaredErrors } from "../../lib/nn/sum_of_squares_loss";
import { layerStatistics } from "../../lib/train/statistics";

// Two ReLU layers: a1 = {1, 0, 2, 0}·scale, a2 = relu(a1·W2) with W2 = [[1, 2], [5, 5]] = {1, 2, 2, 4}·scale.
export function twoLayerStats(scale = 1) {
  const net = new Mlp([Matrix.from([[scale, -scale]]), Matrix.from([[1, 2], [5, 5]]), Matrix.from([[1], [3]])], "relu", sumOfSquaredErrors);
  return layerStatistics(net, Matrix.from([[1], [2]]), Matrix.from([[0], [0]]), { activationLogEdges: [-1, 0, 1], gradientLogEdges: [0, 1, 2, 3] });
}
