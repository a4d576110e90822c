import Link from "next/link";
import { SiteMain } from "@/components/layout/site-main";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <SiteMain>
      <div className="py-16 text-center">
        <h1 className="text-2xl font-bold">Not found</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          There is nothing at this address: it may have been removed, or the link has a typo.
        </p>
        <p className="mt-4">
          <Link href="/courses">Back to courses</Link>
        </p>
      </div>
    </SiteMain>
  );
}
