import { CoursePageSkeleton } from "@/components/course/page-skeleton";

export default function Loading() {
  return <CoursePageSkeleton label="announcements" />;
}
