import Link from "next/link";
import { currentViewer } from "@/lib/server/people/session";
import { SignOutButton } from "@/components/layout/sign-out-button";

export async function SiteHeader() {
  const viewer = await currentViewer();
  return (
    <header className="no-print border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link
          href="/courses"
          className="flex items-center gap-2 text-lg font-semibold text-slate-900 no-underline dark:text-white"
        >
          {/* The mark of app/icon.svg, inline so it costs no request. */}
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-6">
            <rect width="32" height="32" rx="7" fill="#2448ad" />
            <path
              d="M7 10.5 25 7.5v4L7 14.5z M14.5 13.5h3V23h-3z M10 23h12a1.5 1.5 0 0 1 1.5 1.5V25H8.5v-.5A1.5 1.5 0 0 1 10 23z"
              fill="#fff"
            />
          </svg>
          Lectern
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/courses">Courses</Link>
          {viewer ? (
            <>
              <span className="hidden text-slate-600 sm:inline dark:text-slate-300" data-testid="viewer-name">
                {viewer.name}
              </span>
              <Link href="/settings/notifications">Email settings</Link>
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
