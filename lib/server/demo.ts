import "server-only";
import type { Db } from "./db";

export const DEMO_EMAIL_DOMAIN_SUFFIX = ".demo";
export const DEMO_PASSWORD_TEXT = "lectern-demo";

/** The demo hint shows on the sign-in page only while demo accounts exist. */
export async function demoSignInHint(db: Db): Promise<{ password: string; examples: { email: string; label: string }[] } | null> {
  const users = await db.user.findMany({
    where: { email: { in: ["instructor@csci1390.demo", "ta@csci1390.demo", "student1@csci1390.demo", "instructor@csc490.demo"] } },
    select: { email: true },
  });
  if (users.length === 0) return null;
  const labels: Record<string, string> = {
    "instructor@csci1390.demo": "Brown CSCI 1390 instructor",
    "ta@csci1390.demo": "Brown CSCI 1390 TA",
    "student1@csci1390.demo": "Brown CSCI 1390 student",
    "instructor@csc490.demo": "Toronto CSC 490 instructor",
  };
  return { password: DEMO_PASSWORD_TEXT, examples: users.map((u) => ({ email: u.email, label: labels[u.email] ?? "" })) };
}
