// `npm run user:password -- <email>`: sets a user's password (read from LECTERN_NEW_PASSWORD, or
// from standard input) and signs them out everywhere.
import { createDb } from "@/lib/server/platform/db";
import { changePassword } from "@/lib/server/people/passwords";

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, "");
}

async function main(): Promise<void> {
  const email = process.argv[2];
  if (!email)
    throw new Error("Usage: npm run user:password -- <email>   (the password on stdin or in LECTERN_NEW_PASSWORD)");
  const password = process.env.LECTERN_NEW_PASSWORD ?? (await readStdin());
  const db = createDb();
  try {
    const { revoked } = await changePassword(db, { email, password, now: new Date() });
    console.log(`Password changed for ${email}; ${revoked} session(s) ended.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
