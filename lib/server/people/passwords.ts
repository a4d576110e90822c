import "server-only";
import { hash } from "@node-rs/argon2";
import { PASSWORD_MAX } from "@/lib/validation/sign-in";
import type { Db } from "@/lib/server/platform/db";
import { revokeUserSessions } from "@/lib/server/people/sessions";

export const PASSWORD_MIN = 12;

/** Sets a user's password and ends every session they have, in one transaction. */
export async function changePassword(
  db: Db,
  { email, password, now }: { email: string; password: string; now: Date },
): Promise<{ revoked: number }> {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    throw new Error(`A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  const passwordHash = await hash(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    if (!user) throw new Error(`No user with the email ${email}`);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return { revoked: await revokeUserSessions(tx, user.id, now) };
  });
}
