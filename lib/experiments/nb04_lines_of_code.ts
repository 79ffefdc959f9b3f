// Counting the code each version of the network takes, from the TypeScript sources themselves, so the comparison
// table in notebook 04 stays true when the files change. A line counts when it holds code: blank lines and
// comment-only lines do not.

import * as fs from "fs";
import * as path from "path";
import { checkArray, describeValue } from "../engine/checks";

/** The lib/ folder with the .ts sources. Compiled code runs from build/lib/tfjs, three levels below the project. */
export function libSourceRoot(): string {
  const candidates = [path.resolve(__dirname, "..", "..", "..", "lib"), path.resolve(__dirname, "..")];
  const root = candidates.find((dir) => fs.existsSync(path.join(dir, "index.ts")));
  if (root === undefined) {
    throw new Error(`libSourceRoot: could not find lib/index.ts; looked in ${candidates.join(" and ")}`);
  }
  return root;
}

/** Lines holding code in a TypeScript source: not blank, not inside or made only of comments. */
export function countCodeLines(source: string): number {
  if (typeof source !== "string") throw new Error(`countCodeLines: expected source to be a string, got ${describeValue(source)}`);
  let count = 0;
  let inBlockComment = false;
  for (const raw of source.split("\n")) {
    let line = raw.trim();
    if (inBlockComment) {
      const end = line.indexOf("*/");
      if (end < 0) continue;
      inBlockComment = false;
      line = line.slice(end + 2).trim();
    }
    if (line.startsWith("/*")) {
      const end = line.indexOf("*/", 2);
      if (end < 0) {
        inBlockComment = true;
        continue;
      }
      line = line.slice(end + 2).trim();
    }
    if (line === "" || line.startsWith("//")) continue;
    count++;
  }
  return count;
}

/** Code lines per file (paths relative to lib/) and their total. */
export function linesOfCode(files: string[]): { perFile: { file: string; lines: number }[]; total: number } {
  checkArray("linesOfCode", "files", files);
  const root = libSourceRoot();
  const perFile = files.map((file) => {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) throw new Error(`linesOfCode: no such source file lib/${file} (looked at ${full})`);
    return { file, lines: countCodeLines(fs.readFileSync(full, "utf8")) };
  });
  return { perFile, total: perFile.reduce((sum, f) => sum + f.lines, 0) };
}
