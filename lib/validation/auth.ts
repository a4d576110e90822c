import { z } from "zod";
import { EMAIL_MAX, EMAIL_MESSAGE, PASSWORD_MAX, PASSWORD_MESSAGE } from "@/lib/validation/sign-in";

// The server's parse. The form checks the same rules with checkSignIn (./sign-in.ts, no zod).
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email(EMAIL_MESSAGE).max(EMAIL_MAX),
  password: z.string().min(1, PASSWORD_MESSAGE).max(PASSWORD_MAX),
});
export type SignInInput = z.infer<typeof signInSchema>;

export { TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/validation/sign-in";
