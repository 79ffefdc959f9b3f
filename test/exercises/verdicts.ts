// Assertions on checker verdicts, shared by the exercise tests.
import assert from "node:assert/strict";
import { NOT_ANSWERED, Verdict } from "../../lib/exercises/check";

export function expectCorrect(v: Verdict): void {
  assert.equal(v.status, "correct", `expected correct, got: ${v.message} ${v.hint ?? ""}`);
}

export function expectNotAnswered(v: Verdict): void {
  assert.equal(v.status, "not answered", v.message);
  assert.ok(v.message.startsWith(NOT_ANSWERED), v.message);
}

/** A "try again" whose hint matches `hint`. */
export function expectHint(v: Verdict, hint: RegExp): void {
  assert.equal(v.status, "try again", `expected try again, got ${v.status}: ${v.message}`);
  assert.ok(v.hint !== undefined, `expected a hint, got none: ${v.message}`);
  assert.match(v.hint, hint);
}
