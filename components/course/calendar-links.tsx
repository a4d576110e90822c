/** Subscribe (webcal) and download links for the course calendar feed. */
export function CalendarLinks({ slug, origin }: { slug: string; origin: string }) {
  const path = `/courses/${encodeURIComponent(slug)}/calendar.ics`;
  const webcal = `${origin.replace(/^https?:/, "webcal:")}${path}`;
  return (
    <p className="no-print flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-slate-700 dark:text-slate-300">Course calendar:</span>
      <a href={webcal}>Subscribe in your calendar app</a>
      <a href={`${path}?download=1`} download={`${slug}.ics`}>
        Download .ics
      </a>
    </p>
  );
}
