import { z } from "zod";

/**
 * Repeated form rows (inputs named linkLabel, linkUrl, ... repeated once per row)
 * zipped into objects and checked one by one; a bad row becomes one error on
 * `key` that names the row, so it shows inline under the list. Rows whose
 * inputs are all blank are dropped.
 */
export function zipRows<const F extends readonly string[], T extends z.ZodType>(fields: F, row: T, key: string) {
  const shape = Object.fromEntries(
    fields.map((f) => [
      f,
      z.preprocess(
        (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.string().max(5000)),
      ),
    ]),
  ) as unknown as { [K in F[number]]: z.ZodType<string[]> };
  return z.object(shape).transform((value, ctx) => {
    const columns = fields.map((f) => (value as Record<string, string[]>)[f] ?? []);
    const count = Math.max(0, ...columns.map((c) => c.length));
    const out: z.output<T>[] = [];
    let failed = false;
    for (let i = 0; i < count; i++) {
      const raw = Object.fromEntries(fields.map((f, j) => [f, columns[j]![i] ?? ""]));
      if (Object.values(raw).every((v) => String(v).trim() === "")) continue;
      const parsed = row.safeParse(raw);
      if (parsed.success) out.push(parsed.data);
      else {
        failed = true;
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: "custom", path: [key], message: `Row ${i + 1}: ${issue.message}` });
      }
    }
    return failed ? z.NEVER : out;
  });
}

/** Lines of a textarea ("Title | https://…" per line); blank lines are skipped, errors name the line. */
export function parseLines<T>(
  text: string,
  parseLine: (line: string) => { ok: true; value: T } | { ok: false; error: string },
): { values: T[]; errors: string[] } {
  const values: T[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const r = parseLine(line.trim());
    if (r.ok) values.push(r.value);
    else errors.push(`Line ${i + 1}: ${r.error}`);
  });
  return { values, errors };
}
