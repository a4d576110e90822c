import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});
export type SignInInput = z.infer<typeof signInSchema>;
