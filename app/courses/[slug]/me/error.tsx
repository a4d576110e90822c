"use client";
import { CoursePageError } from "@/components/course/page-error";

export default function MyDeadlinesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <CoursePageError what="deadlines" error={error} reset={reset} />;
}
