import Link from "next/link";
import { currentViewer } from "@/lib/server/people/session";
import { SignOutButton } from "@/components/layout/sign-out-button";

export async function SiteHeader() {
  const viewer = await currentViewer();
  return (
    <header className="no-print border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/courses" className="text-lg font-semibold text-slate-900 no-underline dark:text-white">
          Lectern
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/courses">Courses</Link>
          {viewer ? (
            <>
              <span className="hidden text-slate-600 sm:inline dark:text-slate-300" data-testid="viewer-name">
                {viewer.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin">Sign in</Link>
          )}
        </div>
      </nav>
    </header>
  );
}
