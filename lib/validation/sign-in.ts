/**
 * The sign-in form's own checks, without zod: the form is a public page, and zod would add about
 * 30 KB gzipped to it. The server still parses with `signInSchema` (lib/validation/auth.ts);
 * tests/unit/sign-in-check.test.ts keeps the two agreeing, messages included.
 */

// The only message a failed sign-in shows, whichever part was wrong.
export const WRONG_CREDENTIALS = "wrong email or password";
// Once an account or an address has used its attempts (unknown emails are limited alike).
export const TOO_MANY_ATTEMPTS = "too many attempts, wait a little and try again";

export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 256;
export const EMAIL_MESSAGE = "Enter an email address";
export const PASSWORD_MESSAGE = "Enter your password";
// zod's own pattern for z.string().email() (zod 4), so both sides accept the same addresses.
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const tooLong = (max: number) => `Too big: expected string to have <=${max} characters`;

export type SignInFields = { email: string; password: string };
export type SignInCheck =
  { ok: true; data: SignInFields } | { ok: false; fieldErrors: { email?: string[]; password?: string[] } };

/** The email trimmed and lower-cased, as `signInSchema` gives it; the first problem of each field. */
export function checkSignIn({ email, password }: SignInFields): SignInCheck {
  const normalised = email.trim().toLowerCase();
  const fieldErrors: { email?: string[]; password?: string[] } = {};
  if (!EMAIL_PATTERN.test(normalised)) fieldErrors.email = [EMAIL_MESSAGE];
  else if (normalised.length > EMAIL_MAX) fieldErrors.email = [tooLong(EMAIL_MAX)];
  if (password.length < 1) fieldErrors.password = [PASSWORD_MESSAGE];
  else if (password.length > PASSWORD_MAX) fieldErrors.password = [tooLong(PASSWORD_MAX)];
  return fieldErrors.email || fieldErrors.password
    ? { ok: false, fieldErrors }
    : { ok: true, data: { email: normalised, password } };
}
