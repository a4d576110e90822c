import { DeadlinesSkeleton } from "@/components/late-hours/page-states";

export default function Loading() {
  return <DeadlinesSkeleton what="teams" />;
}
