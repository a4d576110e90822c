import styles from "@/components/course/course-pages.module.css";

export type BadgeTone = "neutral" | "brand" | "amber" | "violet" | "rose" | "emerald";

/** A small label next to a heading ("No class", "Guest lecture", "Extended"). */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return (
    <span className={styles.badge} data-tone={tone === "neutral" ? undefined : tone}>
      {children}
    </span>
  );
}
