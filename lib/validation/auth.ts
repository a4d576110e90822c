import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});
export type SignInInput = z.infer<typeof signInSchema>;

// The only message a failed sign-in shows, whichever part was wrong.
export const WRONG_CREDENTIALS = "wrong email or password";
// Once an account or an address has used its attempts (unknown emails are limited alike).
export const TOO_MANY_ATTEMPTS = "too many attempts, try again in 15 minutes";
