import { lateHoursCharged } from "@/lib/domain/late-hours";
const due = new Date("2026-10-01T22:00:00Z");
for (const w of [undefined, { start: "00:00", end: "07:00" }]) {
  const s = performance.now();
  let x = 0;
  for (let i = 0; i < 5000; i++) x += lateHoursCharged({ dueAt: due, submittedAt: new Date(due.getTime() + (i % 40 + 1) * 3600_000), timeZone: "America/New_York", excludedWindow: w, graceMinutes: 0 });
  console.log(w ? "window" : "no window", (performance.now() - s).toFixed(1), "ms for 5000", x);
}
