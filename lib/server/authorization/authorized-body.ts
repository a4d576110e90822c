import "server-only";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import type { Permission } from "@/lib/server/authorization/permissions";
import { refuseUnreadableBody } from "@/lib/server/platform/json-body";

/**
 * What a JSON route does before it reads a byte of the body (issue 18 finding 4): refuse what the
 * headers already show is too large (no database touched), then authorize the viewer for the
 * route's permission, so a stranger's body is never read. The data-layer call after it authorizes
 * again (the same table); this check only decides whether the body is worth reading.
 */
export async function authorizedToSend(
  request: Request,
  { slug, permission, limitBytes }: { slug: string; permission: Permission; limitBytes: number },
): Promise<Viewer | null> {
  refuseUnreadableBody(request, limitBytes);
  const viewer = await currentViewer();
  await authorize({ db: db(), slug, viewer, permission });
  return viewer;
}
