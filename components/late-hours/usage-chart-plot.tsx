"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageBar } from "@/components/late-hours/usage-chart";

// recharts itself, loaded by UsageChart only once the page is running (see there).
export default function UsageChartPlot({ bars }: { bars: UsageBar[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11, fill: "currentColor" }}
          interval={0}
          angle={-30}
          textAnchor="end"
          height={48}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "currentColor" }} width={32} />
        <Tooltip cursor={{ fillOpacity: 0.1 }} contentStyle={{ color: "#0f172a" }} />
        <Bar dataKey="students" name="Students" isAnimationActive={false}>
          {bars.map((b) => (
            <Cell key={b.label} fill={b.over ? "#dc2626" : "#2f5bd3"} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
