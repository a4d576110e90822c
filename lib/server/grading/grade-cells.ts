// The wire format of the gradebook's grades read (readGrades in grading-data.ts): one text per
// student, "index,score,version,feedback,excused;…", index 1-based into the course's assignments,
// score blank when there is none. Decoded by hand, character by character: the indexOf and
// Number(slice) scan it replaces allocated three strings per cell, 280,000 per 2,000 × 50 load.

export type GradeCellRow = {
  scores: (number | null)[];
  versions: number[];
  feedback: boolean[];
  excused: boolean[];
};

const COMMA = 44;
const SEMICOLON = 59;
const DOT = 46;
const ZERO = 48;
const ONE = 49;

/**
 * A non-negative decimal as PostgreSQL prints a float8. Up to 15 significant digits the integer
 * and the power of ten are exact doubles, so one division rounds exactly as Number() does;
 * anything else (exponent, sign, longer mantissa) takes Number() itself.
 */
export function decimalAt(text: string, from: number, to: number): number {
  let digits = 0;
  let mantissa = 0;
  let scale = 1;
  let afterDot = false;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === DOT && !afterDot && i > from && i < to - 1) {
      afterDot = true;
      continue;
    }
    const d = ch - ZERO;
    if (d < 0 || d > 9 || ++digits > 15) return Number(text.slice(from, to));
    mantissa = mantissa * 10 + d;
    if (afterDot) scale *= 10;
  }
  return digits === 0 ? Number(text.slice(from, to)) : mantissa / scale;
}

/** Writes one student's cells into their rows, aligned with the assignments. */
export function decodeGradeCells(text: string, row: GradeCellRow): void {
  const end = text.length;
  let at = 0;
  while (at < end) {
    let index = 0;
    // Every loop is bounded by `end` as well: a malformed text must not hang the request.
    while (at < end && text.charCodeAt(at) !== COMMA) index = index * 10 + text.charCodeAt(at++) - ZERO;
    const scoreFrom = ++at;
    while (at < end && text.charCodeAt(at) !== COMMA) at++;
    const ai = index - 1;
    row.scores[ai] = at === scoreFrom ? null : decimalAt(text, scoreFrom, at);
    let version = 0;
    at++;
    while (at < end && text.charCodeAt(at) !== COMMA) version = version * 10 + text.charCodeAt(at++) - ZERO;
    row.versions[ai] = version;
    row.feedback[ai] = text.charCodeAt(at + 1) === ONE;
    row.excused[ai] = text.charCodeAt(at + 3) === ONE;
    at += 4;
    if (at < end && text.charCodeAt(at) === SEMICOLON) at++;
  }
}
