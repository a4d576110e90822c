"use client";
import { CoursePageError } from "@/components/course/page-error";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <CoursePageError what="schedule" error={error} reset={reset} />;
}
