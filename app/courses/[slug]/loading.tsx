import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading…" bars={["h-7 w-1/3", "h-4 w-2/3", "h-4 w-1/2"]} blocks={[]} />;
}
