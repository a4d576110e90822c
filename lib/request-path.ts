// Shared by proxy.ts and the data layer: no "server-only".

/**
 * A request path with each segment percent-decoded and then encoded the one canonical way, so
 * "/courses/%63sci1390/gradebook" and "/courses/csci1390/gradebook" compare equal (an encoded
 * "/" inside a segment stays encoded). Null when a segment is not valid percent-encoded UTF-8
 * ("%", "%C0%AF", "%ED%A0%80"): bad input, answered 400.
 */
export function canonicalPath(pathname: string): string | null {
  try {
    return pathname
      .split("/")
      .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
      .join("/");
  } catch {
    return null;
  }
}
