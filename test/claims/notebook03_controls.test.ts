// Notebook 03's sentence about He's drift over 20 layers of 256 (issue 14): one seed's "about half" is not typical.

import { test } from "node:test";
import assert from "node:assert/strict";
import { XAVIER_HE, depthStatistics } from "../../lib/experiments/nb03_xavier_he";
import { standardInitializer } from "../../lib/init/presets";

test("He, ReLU 20×256, batch 64: layer-20 / layer-1 activation std over seeds 1–21 has median 0.88, range 0.49–1.66", () => {
  const ratios = Array.from({ length: 21 }, (_, i) => {
    const s = depthStatistics("relu", standardInitializer("He").init, { ...XAVIER_HE.depth, seed: i + 1 });
    const a = s.hidden.map((h) => h.activationStd);
    return a[a.length - 1] / a[0];
  }).sort((p, q) => p - q);
  assert.ok(Math.abs(ratios[10] - 0.878) < 0.005, `median ${ratios[10]}`);
  assert.ok(Math.abs(ratios[0] - 0.489) < 0.005, `min ${ratios[0]}`);
  assert.ok(Math.abs(ratios[20] - 1.656) < 0.005, `max ${ratios[20]}`);
});
