// A worker running in this process polls; a fresh message wakes it at once instead of at the
// next poll. (Workers elsewhere find it on their next poll.) No "server-only": the worker imports it.
const globalForWake = globalThis as unknown as { lecternWakeWorkers?: Set<() => void> };

export function onWake(listener: () => void): () => void {
  const set = (globalForWake.lecternWakeWorkers ??= new Set());
  set.add(listener);
  return () => set.delete(listener);
}

export function wakeWorkers(): void {
  // After the transaction commits would be exact; a wake before it only makes the worker look early.
  for (const listener of globalForWake.lecternWakeWorkers ?? []) setTimeout(listener, 50);
}
