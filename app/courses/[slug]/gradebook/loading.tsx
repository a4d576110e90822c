import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the gradebook…" blocks={["h-8 w-2/3", "h-[60vh]"]} />;
}
