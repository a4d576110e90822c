"use client";
import { CoursePageError } from "@/components/course/page-error";

export default function MyTeamError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <CoursePageError what="your team" error={error} reset={reset} />;
}
