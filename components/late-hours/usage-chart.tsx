"use client";
import dynamic from "next/dynamic";

export type UsageBar = { label: string; students: number; over: boolean };

// recharts is about 110 KB gzipped and draws nothing on the server anyway (its ResponsiveContainer
// needs the browser's layout): it loads after the page, into a box of the chart's size.
const UsageChartPlot = dynamic(() => import("@/components/late-hours/usage-chart-plot"), { ssr: false });

/**
 * Students per band of late hours used. Decorative for assistive technology:
 * the table rendered next to it (UsageTable) carries the same numbers.
 */
export function UsageChart({ bars }: { bars: UsageBar[] }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <UsageChartPlot bars={bars} />
    </div>
  );
}
