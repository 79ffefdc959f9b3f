// Every notebook has at least 3 exercises, each shown as a learner meets it: a markdown prompt tagged
// "exercise-prompt" with a "✎ Exercise n.k" heading and a folded hint, then a code cell tagged "exercise" that holds
// the placeholder, calls a checker that exists in lib/exercises, and whose committed output says "not answered yet".

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as core from "../../lib/exercises/index";
import * as nb04 from "../../lib/exercises/nb04_exercises";

const NOTEBOOKS = path.resolve(__dirname, "..", "..", "..", "notebooks");
const CHECKERS: Record<string, Record<string, unknown>> = { nb01: core.nb01, nb02: core.nb02, nb03: core.nb03, nb04, nb05: core.nb05 };

interface Cell { cell_type: string; metadata?: { tags?: string[] }; outputs?: { output_type: string; text?: string | string[] }[]; source: string | string[] }
const text = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");
const notebooks = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();

test("there are five notebooks to check", () => assert.equal(notebooks.length, 5));

for (const name of notebooks) {
  test(`${name}: at least 3 exercises, each with its prompt, hint, placeholder, a real checker, and "not answered yet" committed`, () => {
    const cells = (JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, name), "utf8")) as { cells: Cell[] }).cells;
    const number = name.slice(0, 2);
    const ids: string[] = [];
    cells.forEach((cell, i) => {
      if (!(cell.metadata?.tags ?? []).includes("exercise")) return;
      const where = `${name} cell ${i}`;
      assert.equal(cell.cell_type, "code", `${where}: an exercise cell should be code`);
      const prompt = cells[i - 1];
      assert.ok(prompt && prompt.cell_type === "markdown" && (prompt.metadata?.tags ?? []).includes("exercise-prompt"), `${where}: no exercise-prompt markdown just above`);
      const heading = /^### ✎ Exercise (\d+)\.(\d+) · \S/.exec(text(prompt.source));
      assert.ok(heading, `${where}: the prompt should start "### ✎ Exercise n.k · title"`);
      assert.equal(heading[1], String(Number(number)), `${where}: exercise ${heading[1]}.${heading[2]} in notebook ${number}`);
      assert.match(text(prompt.source), /<details><summary>Hint<\/summary>/, `${where}: no folded hint`);
      const src = text(cell.source);
      assert.match(src, /course\.exercises\.TODO/, `${where}: no placeholder`);
      const call = /course\.exercises\.(nb\d\d)\.(\w+)\.check\(/.exec(src);
      assert.ok(call, `${where}: no call to a checker course.exercises.nbNN.<name>.check(…)`);
      assert.equal(call[1], `nb${number}`, `${where}: calls another notebook's checker`);
      const checker = CHECKERS[call[1]]?.[call[2]] as { id?: string; check?: unknown } | undefined;
      assert.ok(checker && typeof checker.check === "function", `${where}: lib/exercises has no checker ${call[1]}.${call[2]}`);
      const id = `${heading[1]}.${heading[2]}`;
      assert.equal(checker.id, id, `${where}: the prompt says ${id}, the checker is ${checker.id}`);
      const shown = (cell.outputs ?? []).map((o) => text(o.text)).join("");
      assert.ok(shown.startsWith(`Exercise ${id} — not answered yet`), `${where}: committed output should be "Exercise ${id} — not answered yet…", got ${JSON.stringify(shown.slice(0, 80))}`);
      ids.push(id);
    });
    assert.ok(ids.length >= 3, `${name}: ${ids.length} exercise cells, expected at least 3`);
    assert.equal(new Set(ids).size, ids.length, `${name}: exercise numbers repeat: ${ids.join(", ")}`);
  });
}
