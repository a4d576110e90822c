import { Badge } from "@/components/course/badge";
import { FLAG_LABELS, type LateFlag } from "@/lib/domain/late-usage";

const TONE = { over_budget: "rose", over_cap: "rose", after_cutoff: "rose", late: "amber" } as const;

export function FlagBadge({ kind, code }: { kind: LateFlag; code?: string | null }) {
  return (
    <Badge tone={TONE[kind]}>
      {FLAG_LABELS[kind]}
      {code ? ` (${code})` : ""}
    </Badge>
  );
}
