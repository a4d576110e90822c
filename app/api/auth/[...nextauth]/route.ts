import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/people/auth";
import { nextAuthCanParse } from "@/lib/validation/callback-url";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers a callbackUrl it cannot parse with a 500 page; this is bad input, so 400.
// (A bad callback-url cookie is dropped by proxy.ts before it gets here.)
async function guarded(request: NextRequest, context: Context): Promise<Response> {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !nextAuthCanParse(callbackUrl))
    return Response.json({ error: "callbackUrl must be a path on this site" }, { status: 400 });
  return handler(request, context);
}

export { guarded as GET, guarded as POST };
