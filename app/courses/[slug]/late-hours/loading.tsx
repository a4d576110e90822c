import { DeadlinesSkeleton } from "@/components/deadlines/page-states";

export default function Loading() {
  return <DeadlinesSkeleton what="late hours" />;
}
