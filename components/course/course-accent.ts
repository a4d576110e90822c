// assumed: none of the course pages names a colour, so each course's accent comes from its
// code: the same course always gets the same one, and the five demo courses get different ones.
// Every colour reaches 3:1 against white and against slate-950 (WCAG 1.4.11, for the
// current-tab bar and the course mark, which carry no text of their own).
const ACCENTS = ["#2f5bd3", "#0d9488", "#c2410c", "#7c3aed", "#db2777", "#16a34a", "#0284c7"] as const;

export function courseAccent(code: string): string {
  let hash = 0;
  for (const ch of code) hash = (hash * 37 + ch.codePointAt(0)!) >>> 0;
  return ACCENTS[hash % ACCENTS.length]!;
}
