// No "server-only": the outbox worker (scripts/server.ts, scripts/notify-worker.ts) runs outside Next
// and must read the same clock.

// The server's "now" for deadline decisions (when a submission happened, what a
// preview costs). LECTERN_FAKE_NOW (an ISO instant) makes the clock start at that
// instant when the process boots and run on from there: the demo courses are past
// terms, so a demo or an end-to-end test of late submissions needs to live in one.
// Operators never set it in production.
const fakeStart = process.env.LECTERN_FAKE_NOW ? Date.parse(process.env.LECTERN_FAKE_NOW) : null;
if (fakeStart !== null && Number.isNaN(fakeStart))
  throw new Error(`LECTERN_FAKE_NOW is not an ISO instant: ${process.env.LECTERN_FAKE_NOW}`);
const bootedAt = Date.now();

export function serverNow(): Date {
  return fakeStart === null ? new Date() : new Date(fakeStart + (Date.now() - bootedAt));
}
