// The seed's demo accounts sign in with the demo password, and the sign-in page's
// hint shows that password only while those accounts still open with it.
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/server/people/auth";
import { demoSignInHint, resetDemoHint } from "@/lib/server/people/demo";
import { resetSignInLimits } from "@/lib/server/platform/rate-limit";
import { seedDatabase } from "@/lib/server/platform/seed";
import { DEMO_PASSWORD, demoAccounts } from "@/prisma/seed-data/demo-accounts";
import { createTestDatabase, type TestDatabase } from "./support/database";

let seeded: TestDatabase;
let blank: TestDatabase;

beforeAll(async () => {
  [seeded, blank] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDatabase({ db: seeded.db });
  delete process.env.REDIS_URL;
}, 300_000);
afterAll(async () => {
  await Promise.all([seeded.drop(), blank.drop()]);
});

describe("demo accounts", () => {
  it("every demo account signs in with the demo password and holds the roles the seed promises", async () => {
    const accounts = demoAccounts();
    expect(accounts.map((a) => a.email)).toEqual(
      expect.arrayContaining([
        "instructor@csc490.demo",
        "ta@csc490.demo",
        "student1@csc490.demo",
        "instructor@csci1390.demo",
      ]),
    );
    for (const account of accounts) {
      resetSignInLimits();
      const user = await authorizeCredentials(
        { email: account.email, password: DEMO_PASSWORD },
        { "x-forwarded-for": "127.0.0.1" },
        seeded.db,
      );
      expect(user?.email, account.email).toBe(account.email);
      for (const m of account.memberships) {
        const membership = await seeded.db.membership.findFirst({
          where: { userId: user!.id, course: { slug: m.courseSlug } },
        });
        expect(membership?.role, `${account.email} in ${m.courseSlug}`).toBe(m.role);
        expect(membership?.status).toBe("ENROLLED");
      }
    }
  });

  it("the sign-in hint lists them with the password while the demo seed is loaded", async () => {
    resetDemoHint();
    const hint = await demoSignInHint(seeded.db);
    expect(hint?.password).toBe(DEMO_PASSWORD);
    expect(hint?.examples.map((e) => e.email)).toContain("instructor@csc490.demo");
    expect(hint?.examples.find((e) => e.email === "ta-student@lectern.demo")?.label).toBe(
      "TA in llm-systems, student in csci1390",
    );
  });

  it("shows nothing on a database without the demo seed, or once the demo password was changed", async () => {
    resetDemoHint();
    expect(await demoSignInHint(blank.db)).toBeNull();
    await blank.db.user.create({
      data: { email: "instructor@csc490.demo", name: "Real person", passwordHash: await hash("a real password") },
    });
    resetDemoHint();
    expect(await demoSignInHint(blank.db)).toBeNull();
  });
});
