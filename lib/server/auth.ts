import "server-only";
import { verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { signInSchema } from "@/lib/validation/auth";
import { db } from "./db";
import { clearFailedSignIns, recordFailedSignIn, signInBlocked } from "./rate-limit";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : "unknown";
}

// Exactly one message for every failure, so sign-in never tells which part was wrong.
export const WRONG_CREDENTIALS = "wrong email or password";

async function authorizeCredentials(
  raw: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
) {
  const parsed = signInSchema.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(headers);
  if (await signInBlocked({ email, address })) throw new Error("too many attempts, try again in 15 minutes");
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = user?.passwordHash ? await verify(user.passwordHash, password).catch(() => false) : false;
  if (!user || !ok) {
    await recordFailedSignIn({ email, address });
    return null;
  }
  await clearFailedSignIns({ email });
  return { id: user.id, email: user.email, name: user.name };
}

const oauthProviders = process.env.GITHUB_ID && process.env.GITHUB_SECRET
  ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
  : [];

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
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
    async signIn({ user, account }) {
      // OAuth sign-in only for people Lectern already knows by email.
      if (account?.provider === "credentials") return true;
      if (!user.email) return false;
      const known = await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
      return Boolean(known);
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider !== "credentials" && user.email) {
        const known = await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
        if (known) token.sub = known.id;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
