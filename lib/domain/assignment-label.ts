/**
 * How an assignment is named on screen: "A1 Assignment 1" and "PROJECT Project" say the same
 * thing twice, so the code is shown only when the title does not already spell it out.
 * A code spells a title when it is the title, or when its letters are the title's initial letter
 * followed by letters in order ("HW" in "Homework", "PLQ" in "Post-lecture quiz") and its number
 * is a number of the title ("A1" and "Assignment 1"), or when the title contains it ("Written HW 1").
 */
export function codeIsInTitle({ code, title }: { code: string; title: string }): boolean {
  const c = code.trim().toLowerCase();
  const t = title.trim().toLowerCase();
  if (c === t || t.startsWith(`${c} `) || t.startsWith(`${c}:`)) return true;
  const parts = /^([a-z]+)[\s-]*(\d+)?$/.exec(c);
  if (!parts) return false;
  const [, letters, number] = parts as unknown as [string, string, string | undefined];
  // "HW 1" inside "Written HW 1".
  if (new RegExp(`\\b${letters}[\\s-]*${number ?? ""}\\b`).test(t)) return true;
  const numberAt = number === undefined ? t.length : t.search(new RegExp(`(^|\\D)${number}(\\D|$)`));
  if (numberAt < 0) return false;
  const before = t.slice(0, numberAt + 1).replace(/[^a-z]/g, "");
  if (before[0] !== letters[0]) return false;
  let i = 0;
  for (const ch of before) if (ch === letters[i]) i += 1;
  return i === letters.length;
}

/** "Assignment 1" for A1, "P4 Scaling" for P4 "Scaling": the title, led by the code when it adds something. */
export function assignmentLabel(a: { code: string; title: string }): string {
  return codeIsInTitle(a) ? a.title : `${a.code} ${a.title}`;
}
