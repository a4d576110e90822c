import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { signInSchema } from "@/lib/validation/auth";
import { checkSignIn } from "@/lib/validation/sign-in";

// The sign-in form checks with checkSignIn (no zod in the browser); the server parses with
// signInSchema. Both must accept the same input, normalise it alike, and show the same first message.
function viaZod(input: { email: string; password: string }) {
  const parsed = signInSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { email, password } = parsed.error.flatten().fieldErrors;
  return {
    ok: false,
    fieldErrors: { ...(email ? { email: [email[0]] } : {}), ...(password ? { password: [password[0]] } : {}) },
  };
}

const emailish = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((e) => ` ${e.toUpperCase()}\t`),
  fc.tuple(fc.string({ maxLength: 260 }), fc.domain()).map(([local, domain]) => `${local}@${domain}`),
  fc.string({ maxLength: 40 }),
  fc.constant("a".repeat(250) + "@x.io"),
);
const password = fc.oneof(fc.constant(""), fc.string({ maxLength: 20 }), fc.string({ minLength: 250, maxLength: 270 }));

describe("checkSignIn agrees with signInSchema", () => {
  it("on examples", () => {
    for (const input of [
      { email: " Student1@CSCI1390.demo ", password: "lectern-demo" },
      { email: "", password: "" },
      { email: "not an email", password: "x" },
      { email: "a".repeat(250) + "@x.io", password: "p".repeat(257) },
      { email: ".a@b.co", password: "p" },
      { email: "a..b@b.co", password: "p" },
    ]) {
      expect(checkSignIn(input), JSON.stringify(input)).toEqual(viaZod(input));
    }
  });

  it("on generated input", () => {
    fc.assert(
      fc.property(emailish, password, (email, pw) => {
        expect(checkSignIn({ email, password: pw })).toEqual(viaZod({ email, password: pw }));
      }),
      { numRuns: 3000 },
    );
  });
});
