import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading your grades…" blocks={["h-24", "h-48"]} />;
}
