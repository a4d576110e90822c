/**
 * How much one assignment counts, for display: its category's weight in the final
 * grade and its share inside the category. Item weights are relative within the
 * category (Brown's 18/18/18/11 of 65 %, NUS's 10/20/20/50 of 60 %); a null weight
 * is an ordinary item, the mean of the stated weights or 1 when none are stated —
 * the same reading as compileScheme in grading-scheme.ts.
 */
export type WeightCategory = { id: string; name: string; weight: number; dropLowest: number; track: string | null };
export type WeightItem = { id: string; categoryId: string | null; weight: number | null };

export type ItemWeight = {
  category: string;
  /** Percent of the final grade the category carries. */
  categoryPercent: number;
  /** 0..1 share of the category. */
  shareOfCategory: number;
  /** categoryPercent × shareOfCategory. */
  percentOfGrade: number;
  itemsInCategory: number;
  /** Every item in the category has the same weight. */
  equalShare: boolean;
  dropLowest: number;
  /** Elective track the category belongs to, if any. */
  track: string | null;
};

export function assignmentWeights({
  categories,
  items,
}: {
  categories: readonly WeightCategory[];
  items: readonly WeightItem[];
}): Map<string, ItemWeight> {
  const result = new Map<string, ItemWeight>();
  for (const category of categories) {
    const own = items.filter((i) => i.categoryId === category.id);
    const explicit = own.flatMap((i) => (i.weight === null ? [] : [i.weight]));
    const fallback = explicit.length ? explicit.reduce((a, b) => a + b, 0) / explicit.length : 1;
    const weights = own.map((i) => i.weight ?? fallback);
    const total = weights.reduce((a, b) => a + b, 0);
    const equalShare = weights.every((w) => w === weights[0]);
    own.forEach((item, index) => {
      const share = total > 0 ? weights[index]! / total : 0;
      result.set(item.id, {
        category: category.name,
        categoryPercent: category.weight,
        shareOfCategory: share,
        percentOfGrade: category.weight * share,
        itemsInCategory: own.length,
        equalShare,
        dropLowest: category.dropLowest,
        track: category.track,
      });
    });
  }
  return result;
}

/** "10%", "12.5%", "6.67%". */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded : rounded.toString()}%`;
}
