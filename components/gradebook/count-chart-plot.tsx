"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistogramBin } from "@/components/gradebook/score-histogram";

// recharts itself, loaded by CountChart only once the page is running (see there).
export default function CountChartPlot({ bins, xLabel }: { bins: HistogramBin[]; xLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bins} margin={{ top: 8, right: 8, bottom: 24, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11, fill: "currentColor" }}
          interval={0}
          label={{ value: xLabel, position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "currentColor" }} width={32} />
        <Tooltip cursor={{ fillOpacity: 0.1 }} contentStyle={{ color: "#0f172a" }} />
        <Bar dataKey="count" name="Students" fill="#2f5bd3" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
