"use client";
import dynamic from "next/dynamic";

export type HistogramBin = { label: string; count: number };

// recharts is about 110 KB gzipped and draws nothing on the server anyway (its ResponsiveContainer
// needs the browser's layout): it loads after the page, into a box of the chart's size.
const CountChartPlot = dynamic(() => import("@/components/gradebook/count-chart-plot"), { ssr: false });

/** A bar chart of counts; the table next to it carries the same numbers for screen readers. */
export function CountChart({ bins, label, xLabel }: { bins: HistogramBin[]; label: string; xLabel: string }) {
  return (
    <figure aria-label={label} className="h-64 w-full">
      <CountChartPlot bins={bins} xLabel={xLabel} />
    </figure>
  );
}
