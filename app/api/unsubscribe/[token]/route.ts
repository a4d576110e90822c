// RFC 8058 one-click unsubscribe: a mail app POSTs "List-Unsubscribe=One-Click" to the address in
// the List-Unsubscribe header, with no cookies. The signed token is the authority (permission
// "notifications.unsubscribe", checked in the data layer).
import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { unsubscribeWithToken } from "@/lib/server/notify/settings";
import { ValidationError } from "@/lib/server/platform/errors";

export const POST = handle(async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const body = await request.text();
  if (body.length > 1000 || !new URLSearchParams(body).has("List-Unsubscribe"))
    throw new ValidationError('Send the form field "List-Unsubscribe=One-Click" (RFC 8058).');
  const { scope } = await unsubscribeWithToken({ db: db(), token });
  return Response.json({ unsubscribed: scope });
});
