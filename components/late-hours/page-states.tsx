import { PageSkeleton } from "@/components/ui/page-skeleton";

/** Loading skeleton shared by the deadlines pages: a heading, the late-hours meter, two cards. */
export function DeadlinesSkeleton({ what }: { what: string }) {
  return <PageSkeleton label={`Loading ${what}…`} bars={["h-7 w-1/3", "h-3 w-full"]} blocks={["h-24", "h-24"]} />;
}
