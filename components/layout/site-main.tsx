/**
 * The page's main landmark, where "Skip to content" lands. Pages outside a course wrap
 * themselves in it; the course layout has its own, placed after the course's tab bar,
 * so skipping skips the tabs too.
 */
export function SiteMain({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6">
      {children}
    </main>
  );
}
