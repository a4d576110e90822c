"use client";
import { CoursePageError } from "@/components/course/page-error";

export default function LateHoursError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <CoursePageError what="late hours" error={error} reset={reset} />;
}
