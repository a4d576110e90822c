import Papa from "papaparse";

/**
 * A CSV parsed into rows, each with the file's own line number (the header is
 * line 1; a quoted cell spanning lines moves the next row down), and Papa's
 * errors placed on those lines, so an error points at the line to fix.
 */
export function csvRowsWithLines(text: string): {
  data: string[][];
  lineOf: number[];
  errors: { line: number; message: string }[];
} {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const data = result.data;
  const lineOf: number[] = [];
  let line = 1;
  for (const row of data) {
    lineOf.push(line);
    line += 1 + row.join(",").split(/\r\n|\r|\n/).length - 1;
  }
  const errors: { line: number; message: string }[] = [];
  for (const e of result.errors)
    if (e.row !== undefined && e.code !== "UndetectableDelimiter")
      errors.push({ line: lineOf[e.row] ?? e.row + 1, message: e.message });
  return { data, lineOf, errors };
}
