// Sign-in against real PostgreSQL: one answer for every wrong credential, and
// the per-account and per-address limits (taken before the password is checked,
// so a burst of parallel guesses cannot slip through).
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// next-auth does not export its core; the file is the same one its route handler runs.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import {
  authOptions,
  authorizeCredentials,
  clientAddress,
  oauthProviderIds,
  SignInError,
  TOO_MANY_ATTEMPTS,
} from "@/lib/server/people/auth";
import { resetSignInLimits } from "@/lib/server/platform/rate-limit";
import { WRONG_CREDENTIALS } from "@/lib/validation/auth";
import { createTestDatabase, type TestDatabase } from "./support/database";

let t: TestDatabase;
let n = 0;
// Unique per run: with REDIS_URL the counts outlive the process.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.SIGNIN_PAIR_FREE = "3";
  process.env.SIGNIN_ACCOUNT_FREE = "6";
  process.env.SIGNIN_ADDRESS_LIMIT = "6";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  delete process.env.REDIS_URL; // the in-process limiter; the Redis one shares the code path
  // The next-auth endpoint reads users through db(); point it at this file's database.
  (globalThis as { lecternDb?: unknown }).lecternDb = t.db;
});
afterAll(async () => {
  await t.drop();
});
beforeEach(() => resetSignInLimits());

async function person(): Promise<string> {
  const email = `user${++n}-${RUN}@auth.example`;
  await t.db.user.create({ data: { email, name: `User ${n}`, passwordHash: await hash(PASSWORD) } });
  return email;
}
const from = (address: string) => ({ "x-forwarded-for": address });
const T0 = new Date("2026-12-04T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const attempt = (email: string, password: string, address = `10.0.0.${n}`, now = T0) =>
  authorizeCredentials({ email, password }, from(address), t.db, now);

/** What a sign-in attempt comes to: the user, "wrong" (null) or the rate-limit error. */
async function outcome(p: Promise<unknown>): Promise<"ok" | "wrong" | "limited"> {
  try {
    return (await p) ? "ok" : "wrong";
  } catch (error) {
    if (error instanceof SignInError && error.message === TOO_MANY_ATTEMPTS) return "limited";
    throw error;
  }
}

describe("credentials", () => {
  it("signs in with the right password, email in any case", async () => {
    const email = await person();
    const user = await attempt(email.toUpperCase(), PASSWORD);
    expect(user).toMatchObject({ email });
  });

  it("answers a wrong password, an unknown email and a malformed email exactly alike", async () => {
    const email = await person();
    expect(await attempt(email, "wrong")).toBeNull();
    expect(await attempt(`nobody${n}@auth.example`, "wrong")).toBeNull();
    expect(await attempt("not an email", "wrong")).toBeNull();
    expect(await attempt(email, "")).toBeNull();
    // The form shows one text for every null: next-auth reports all of them as CredentialsSignin.
    expect(WRONG_CREDENTIALS).toBe("wrong email or password");
  });

  it("a user without a password (invited, or OAuth only) cannot sign in with one", async () => {
    const email = `nopass${++n}@auth.example`;
    await t.db.user.create({ data: { email, name: "No Password" } });
    expect(await attempt(email, "")).toBeNull();
    expect(await attempt(email, "anything")).toBeNull();
  });
});

describe("rate limits", () => {
  it("a stranger's wrong passwords slow only themself: the user, from their usual address, signs in at once (18.3)", async () => {
    const email = await person();
    expect(await outcome(attempt(email, PASSWORD, "192.0.2.10", at(-3600)))).toBe("ok"); // their usual address
    for (let i = 0; i < 3; i++) expect(await outcome(attempt(email, "wrong", "203.0.113.66"))).toBe("wrong");
    for (let i = 0; i < 7; i++) expect(await outcome(attempt(email, "wrong", "203.0.113.66"))).toBe("limited");
    expect(await outcome(attempt(email, PASSWORD, "192.0.2.10"))).toBe("ok");
    // Even from an address never seen before: the stranger's count is theirs.
    expect(await outcome(attempt(email, PASSWORD, "198.51.100.77"))).toBe("ok");
  });

  it("backs off per account and address: 1 s, 2 s, 4 s … after the free tries, right password or not", async () => {
    const email = await person();
    const from66 = (password: string, s: number) => outcome(attempt(email, password, "203.0.113.67", at(s)));
    for (let i = 0; i < 3; i++) expect(await from66("wrong", 0)).toBe("wrong");
    expect(await from66(PASSWORD, 0.5)).toBe("limited");
    expect(await from66("wrong", 1)).toBe("wrong"); // waited 1 s
    expect(await from66("wrong", 2.5)).toBe("limited"); // needs 2 s
    expect(await from66("wrong", 3)).toBe("wrong");
    expect(await from66(PASSWORD, 6)).toBe("limited"); // needs 4 s
    expect(await from66(PASSWORD, 7)).toBe("ok");
  });

  it("spraying one account from many addresses: new addresses wait long, the usual one at most a minute", async () => {
    const email = await person();
    expect(await outcome(attempt(email, PASSWORD, "192.0.2.20", at(-3600)))).toBe("ok");
    // 13 failures from 13 addresses, each waiting out the account's growing delay: the next waits 2^7 s.
    let s = 0;
    for (let i = 0; i < 13; i++) {
      s += 1000;
      expect(await outcome(attempt(email, "wrong", `203.0.113.${100 + i}`, at(s)))).toBe("wrong");
    }
    expect(await outcome(attempt(email, PASSWORD, "198.51.100.90", at(s + 61)))).toBe("limited");
    expect(await outcome(attempt(email, PASSWORD, "192.0.2.20", at(s + 30)))).toBe("limited");
    expect(await outcome(attempt(email, PASSWORD, "192.0.2.20", at(s + 61)))).toBe("ok");
  });

  it("20 parallel guesses from one address: exactly the 3 free ones are checked, the rest refused unchecked", async () => {
    const email = await person();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(attempt(email, `guess-${i}`, "203.0.113.68"))),
    );
    expect(results.filter((r) => r === "wrong")).toHaveLength(3);
    expect(results.filter((r) => r === "limited")).toHaveLength(17);
  });

  it("blocks an address after 6 attempts across accounts, but not other addresses", async () => {
    const emails = await Promise.all([person(), person(), person()]);
    const address = "192.0.2.7";
    for (let i = 0; i < 6; i++) expect(await outcome(attempt(emails[i % 2]!, "wrong", address))).toBe("wrong");
    expect(await outcome(attempt(emails[2]!, PASSWORD, address))).toBe("limited");
    expect(await outcome(attempt(emails[2]!, PASSWORD, "192.0.2.8"))).toBe("ok");
  });

  it("keys the address on the X-Forwarded-For that scripts/server.ts wrote (the socket's), never a client's extra entries", async () => {
    // scripts/server.ts replaces the header with one address (tests/unit/client-address.test.ts);
    // without it (next dev) the right-most entry counts, which is never the client's first claim.
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).toBe("203.0.113.9");
    // X-Real-IP is whatever the client sent: never used.
    expect(clientAddress({ "x-real-ip": "6.6.6.6" })).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });
});

describe("with Redis (REDIS_URL)", () => {
  it("instances share the counts, and a freshly started instance counts its first attempt in Redis too", async () => {
    process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    try {
      // Redis outlives test runs: a fresh account and fresh addresses each time.
      // The per-address allowance (6 here) is shared; fresh accounts so the backoff stays out of it.
      const address = `2001:db8:${Date.now().toString(16).slice(-4)}:${Math.floor(Math.random() * 0xffff).toString(16)}::1`;
      resetSignInLimits(); // instance one
      for (let i = 0; i < 4; i++) expect(await outcome(attempt(await person(), "wrong", address))).toBe("wrong");
      resetSignInLimits(); // instance two, cold
      for (let i = 0; i < 2; i++) expect(await outcome(attempt(await person(), "wrong", address))).toBe("wrong");
      expect(await outcome(attempt(await person(), PASSWORD, address))).toBe("limited");
    } finally {
      resetSignInLimits();
      delete process.env.REDIS_URL;
    }
  });
});

describe("OAuth", () => {
  it("exists only when GITHUB_ID and GITHUB_SECRET are both set", () => {
    expect(oauthProviderIds({})).toEqual([]);
    expect(oauthProviderIds({ GITHUB_ID: "x" })).toEqual([]);
    expect(oauthProviderIds({ GITHUB_ID: "x", GITHUB_SECRET: "y" })).toEqual([{ id: "github", name: "GitHub" }]);
  });
});

describe("the sign-in endpoint (next-auth)", () => {
  const options = { ...authOptions, secret: "integration-test-secret" };
  async function post(email: string, password: string, address: string) {
    const csrf = await AuthHandler<{ csrfToken: string }>({
      req: { action: "csrf", method: "GET", headers: {}, cookies: {} },
      options,
    });
    const cookies = Object.fromEntries((csrf.cookies ?? []).map((c) => [c.name, c.value]));
    const res = await AuthHandler({
      req: {
        action: "callback",
        providerId: "credentials",
        method: "POST",
        cookies,
        headers: { "x-forwarded-for": address, "content-type": "application/x-www-form-urlencoded" },
        body: { csrfToken: csrf.body!.csrfToken, email, password, json: "true" },
      },
      options,
    });
    const target = new URL(res.redirect ?? "http://x/", "http://localhost:3000");
    lastCookies = Object.fromEntries((res.cookies ?? []).filter((c) => c.value).map((c) => [c.name, c.value]));
    return {
      error: target.searchParams.get("error"),
      session: (res.cookies ?? []).some((c) => c.name.includes("session-token") && c.value),
    };
  }
  let lastCookies: Record<string, string> = {};
  /** Who a (copied) cookie jar is signed in as, as getServerSession would say. */
  async function whoIs(cookies: Record<string, string>): Promise<string | null> {
    const res = await AuthHandler<{ user?: { email?: string } }>({
      req: { action: "session", method: "GET", headers: {}, cookies },
      options,
    });
    return (res.body as { user?: { email?: string } } | undefined)?.user?.email ?? null;
  }
  async function signOut(cookies: Record<string, string>): Promise<void> {
    const csrf = await AuthHandler<{ csrfToken: string }>({
      req: { action: "csrf", method: "GET", headers: {}, cookies },
      options,
    });
    const jar = { ...cookies, ...Object.fromEntries((csrf.cookies ?? []).map((c) => [c.name, c.value])) };
    await AuthHandler({
      req: {
        action: "signout",
        method: "POST",
        cookies: jar,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: { csrfToken: csrf.body!.csrfToken },
      },
      options,
    });
  }
  async function signedIn(email: string, address: string): Promise<Record<string, string>> {
    expect(await post(email, PASSWORD, address)).toEqual({ error: null, session: true });
    const jar = { ...lastCookies };
    expect(await whoIs(jar)).toBe(email);
    return jar;
  }

  it("signing out ends the session: a copied cookie no longer works (18.8)", async () => {
    const email = await person();
    const copied = await signedIn(email, "198.51.100.40");
    const other = await signedIn(email, "198.51.100.40"); // another browser
    await signOut(copied);
    expect(await whoIs(copied)).toBeNull();
    expect(await whoIs(other)).toBe(email);
  });

  it("a password change ends every session of the user (18.8)", async () => {
    const email = await person();
    const jar = await signedIn(email, "198.51.100.41");
    const { changePassword } = await import("@/lib/server/people/passwords");
    expect(await changePassword(t.db, { email, password: "a brand new passphrase", now: new Date() })).toEqual({
      revoked: 1,
    });
    expect(await whoIs(jar)).toBeNull();
    await expect(changePassword(t.db, { email, password: "short", now: new Date() })).rejects.toThrow(/12 to/);
  });

  it("an instructor dropping someone from a course ends their sessions (18.8)", async () => {
    const email = await person();
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    const instructorEmail = await person();
    const instructor = await t.db.user.findUniqueOrThrow({ where: { email: instructorEmail } });
    const course = await t.db.course.create({
      data: {
        slug: `auth-${n}-${RUN}`,
        code: "AUTH 1",
        title: "Sessions",
        term: "F26",
        institution: "Test",
        timeZone: "UTC",
      },
    });
    await t.db.membership.create({ data: { courseId: course.id, userId: instructor.id, role: "INSTRUCTOR" } });
    const membership = await t.db.membership.create({
      data: { courseId: course.id, userId: user.id, role: "STUDENT" },
    });
    const jar = await signedIn(email, "198.51.100.42");
    const { dropMember } = await import("@/lib/server/people/roster");
    await dropMember({
      db: t.db,
      viewer: { userId: instructor.id, email: instructorEmail, name: "Instructor" },
      slug: course.slug,
      membershipId: membership.id,
    });
    expect(await whoIs(jar)).toBeNull();
  });

  it("redirects a wrong password and an unknown email to the same error; the right one gets a session", async () => {
    const email = await person();
    const wrong = await post(email, "wrong", "198.51.100.20");
    const unknown = await post(`nobody${n}@auth.example`, PASSWORD, "198.51.100.21");
    expect(wrong).toEqual({ error: "CredentialsSignin", session: false });
    expect(unknown).toEqual(wrong);
    expect(await post(email, PASSWORD, "198.51.100.22")).toEqual({ error: null, session: true });
  });

  it("a callbackUrl next-auth cannot parse is a 400 from its route, not its 500 page (18.6)", async () => {
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const { NextRequest } = await import("next/server");
    for (const bad of ["http://[", "no-scheme", "javascript:alert(1)"]) {
      const res = await GET(
        new NextRequest(`http://localhost:3000/api/auth/signin?callbackUrl=${encodeURIComponent(bad)}`),
        { params: Promise.resolve({ nextauth: ["signin"] }) },
      );
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/callbackUrl/);
    }
    // (The same text in the callback-url cookie is dropped by proxy.ts: tests/unit/proxy.test.ts.)
  });

  it("redirects after sign-in only to this site's paths (18.1)", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    const base = "http://localhost:3000";
    expect(await redirect({ url: "/\t/evil.example/phish", baseUrl: base })).toBe(`${base}/courses`);
    expect(await redirect({ url: "http://evil.example/", baseUrl: base })).toBe(`${base}/courses`);
    expect(await redirect({ url: `${base}/courses/csc490?x=1`, baseUrl: base })).toBe(`${base}/courses/csc490?x=1`);
  });

  it("a limited account gets the rate-limit message and no session, right password or not", async () => {
    const email = await person();
    for (let i = 0; i < 3; i++) await post(email, "wrong", "198.51.100.30");
    expect(await post(email, PASSWORD, "198.51.100.30")).toEqual({ error: TOO_MANY_ATTEMPTS, session: false });
  });
});
