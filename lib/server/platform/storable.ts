// Text PostgreSQL cannot store: a NUL byte (text columns reject 0x00) or a lone
// UTF-16 surrogate (no UTF-8 encoding exists; Prisma's query JSON rejects it).
// Hostile input carrying either must be a 4xx, never a 500. No "server-only": the
// error mapping is shared by routes and actions.

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** The database (or Prisma's query encoder) refused a value for its characters. */
export function isUnstorableTextError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : String(error);
  return /invalid byte sequence for encoding|\b22021\b|\b22P05\b|unexpected end of hex escape|lone leading surrogate|unpaired surrogate/i.test(
    text,
  );
}
