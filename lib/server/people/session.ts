import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/server/people/auth";
import type { Viewer } from "@/lib/server/authorization/authz";
import { DatabaseUnavailableError } from "@/lib/server/platform/errors";

/**
 * The signed-in person, from the next-auth session cookie, or null. Once per server render
 * (React's cache()): the layout, the metadata and the page each ask, and the session check
 * reads the database.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  if ((session as { unchecked?: boolean } | null)?.unchecked) throw new DatabaseUnavailableError();
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { userId: user.id, email: user.email, name: user.name ?? user.email };
});
