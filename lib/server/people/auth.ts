import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { signInSchema, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/validation/auth";
import { sameOriginPath } from "@/lib/validation/callback-url";
import { db, type Db } from "@/lib/server/platform/db";
import { addressSucceeded, takeAddressAttempt } from "@/lib/server/platform/rate-limit";
import { serverNow } from "@/lib/server/platform/clock";
import { beginSignInTry, signInTrySucceeded } from "@/lib/server/people/sign-in-backoff";
import { createSession, liveSessionUser, revokeSession, SESSION_SECONDS } from "@/lib/server/people/sessions";
import { isDatabaseUnavailable } from "@/lib/server/platform/route";

/**
 * The client's address for the per-address limit. scripts/server.ts (the production server)
 * replaces X-Forwarded-For with the one address it resolved from the socket and the trusted
 * proxies (lib/client-address.ts), so a client's own header never reaches here. Under
 * `next dev` the header is whatever the client sent: the right-most entry is used.
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const entries =
    typeof forwarded === "string"
      ? forwarded
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean)
      : [];
  return entries.at(-1) ?? "unknown";
}

// Exactly one message for every failure, so sign-in never tells which part was wrong; the
// rate-limit message says nothing about the account either (unknown emails are limited alike).
export { TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS };

// Unknown emails still cost one argon2 verification, so response time does not tell them apart.
let dummyHash: Promise<string> | undefined;
const timingDummy = () => (dummyHash ??= hash("lectern-timing-equaliser-not-a-password"));

export class SignInError extends Error {}

/**
 * Checks an email and password. Returns the user, or null for every kind of
 * wrong credentials; throws SignInError(TOO_MANY_ATTEMPTS) when rate-limited.
 */
export async function authorizeCredentials(
  raw: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
  database: Db = db(),
  now: Date = serverNow(),
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = signInSchema.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(headers);
  const user = await database.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  // The backoff first: a try it refuses does not use up the address's allowance.
  if (!(await beginSignInTry(database, { email, address, userId: user?.id ?? null, now })))
    throw new SignInError(TOO_MANY_ATTEMPTS);
  if (!(await takeAddressAttempt(address))) throw new SignInError(TOO_MANY_ATTEMPTS);
  const ok = user?.passwordHash
    ? await verify(user.passwordHash, password).catch(() => false)
    : await verify(await timingDummy(), password).then(
        () => false,
        () => false,
      );
  if (!user || !ok) return null;
  await signInTrySucceeded(database, { email, address, userId: user.id, now });
  await addressSucceeded(address);
  return { id: user.id, email: user.email, name: user.name };
}

// OAuth only when configured; without GITHUB_ID/GITHUB_SECRET the provider does not exist at all.
export function oauthProviderIds(
  env: Record<string, string | undefined> = process.env,
): { id: string; name: string }[] {
  return env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : [];
}
const oauthProviders =
  process.env.GITHUB_ID && process.env.GITHUB_SECRET
    ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
    : [];

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  // __Secure- prefixed, Secure, HttpOnly, SameSite=Lax cookies whenever the site is served over https.
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req.headers),
    }),
    ...oauthProviders,
  ],
  callbacks: {
    // next-auth's own check throws on a callbackUrl it cannot parse ("http://[", also from the
    // callback-url cookie, which then broke every sign-in in that browser): path and query on
    // this site only, else the course list.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${sameOriginPath(url, baseUrl)}`;
    },
    async signIn({ user, account }) {
      // OAuth sign-in only for people Lectern already knows by email (GitHub reports only verified
      // addresses); it never creates accounts.
      if (account?.provider === "credentials") return true;
      if (!user.email) return false;
      const known = await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
      return Boolean(known);
    },
    async jwt({ token, user, account }) {
      const now = serverNow();
      if (user) {
        if (account?.provider !== "credentials" && user.email) {
          // The session is Lectern's user, not the provider's profile.
          const known = await db().user.findUnique({
            where: { email: user.email.toLowerCase() },
            select: { id: true, email: true, name: true },
          });
          if (!known) return {};
          Object.assign(token, { sub: known.id, email: known.email, name: known.name });
        }
        // A fresh sign-in: a new server-side session, named in the cookie.
        return { ...token, sid: await createSession(db(), token.sub!, now) };
      }
      // Every later request: the session must still exist, unrevoked and unexpired, for this user.
      let userId: string | null;
      try {
        userId = await liveSessionUser(db(), token.sid, now);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        // A session that cannot be checked while the database restarts is not an ended one:
        // currentViewer answers 503 (retry), not 401 (sign in again).
        return { ...token, unchecked: true };
      }
      const { unchecked: _stale, ...checked } = token;
      return userId && userId === token.sub ? checked : {};
    },
    async session({ session, token }) {
      if (token.unchecked) return { ...session, unchecked: true };
      // An ended session reads as signed out.
      if (!token.sub) return { expires: session.expires };
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await revokeSession(db(), (token as { sid?: unknown } | null)?.sid, serverNow());
    },
  },
};
