import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/platform/errors";

/** Runs a page's data load and turns access errors into 404 / sign-in / 403. */
export async function guardPage<T>(load: () => Promise<T>, { returnTo }: { returnTo: string }): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof UnauthenticatedError) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
