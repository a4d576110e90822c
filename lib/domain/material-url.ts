/**
 * A schedule material's address: an absolute URL as given, or a path relative to the course's
 * materials base URL (INFO9023's page links "lectures/01_course_introduction.pdf" inside its
 * repository). A relative path with no base is a data error, not a link to guess.
 */
export function materialUrl(path: string | undefined, base: string | undefined): string | null {
  if (!path) return null;
  if (URL.canParse(path)) return path;
  if (!base) throw new Error(`material "${path}" is a relative path and the course has no materials base URL`);
  return new URL(path, base).href;
}
