"use client";
import { CoursePageError } from "@/components/course/page-error";

export default function TeamsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <CoursePageError what="teams" error={error} reset={reset} />;
}
