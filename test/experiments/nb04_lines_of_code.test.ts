import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { countCodeLines, libSourceRoot, linesOfCode } from "../../lib/experiments/nb04_lines_of_code";

test("countCodeLines skips blank and comment-only lines, including block comments", () => {
  const src = [
    "// a comment",
    "",
    "import x from 'y';",
    "/** doc",
    " * more doc",
    " */",
    "export const a = 1; // trailing comment still code",
    "/* one-line block */",
    "/* block */ const b = 2;",
    "   ",
    "}",
  ].join("\n");
  assert.equal(countCodeLines(src), 4);
});

test("linesOfCode reads the real sources under lib/ and names a missing file", () => {
  const root = libSourceRoot();
  assert.ok(fs.existsSync(path.join(root, "tfjs", "autograd_net.ts")));
  const { perFile, total } = linesOfCode(["tfjs/autograd_net.ts", "nn/three_layer_net.ts"]);
  assert.equal(perFile.length, 2);
  assert.equal(total, perFile[0].lines + perFile[1].lines);
  const raw = fs.readFileSync(path.join(root, "nn", "three_layer_net.ts"), "utf8").split("\n").length;
  assert.ok(perFile[1].lines > 20 && perFile[1].lines < raw, `${perFile[1].lines} code lines of ${raw}`);
  assert.throws(() => linesOfCode(["tfjs/no_such_file.ts"]), /no such source file lib\/tfjs\/no_such_file.ts/);
});
