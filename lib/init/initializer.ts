// An initializer draws a (fanIn, fanOut) weight matrix from the course's seeded generator.
// The presets (naive, Xavier/Glorot, He/Kaiming, ...) are built on one variance-scaling initializer.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";

export type Initializer = (fanIn: number, fanOut: number, rng: Rng) => Matrix;
