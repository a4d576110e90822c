import { PageSkeleton } from "@/components/ui/page-skeleton";

/** Loading state for a course page: the shape of a heading and a few cards. */
export function CoursePageSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={`Loading ${label}…`} bars={["h-8 w-48", "h-4 w-72"]} blocks={["h-28", "h-28", "h-28"]} />;
}
