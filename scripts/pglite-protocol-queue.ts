import type { PGlite } from "@electric-sql/pglite";

/**
 * The order in which the embedded server (pglite-socket) runs its connections' protocol
 * messages on the one PGlite. pglite-socket 0.2.17 keeps a connection to itself only inside a
 * transaction; outside one it takes the messages of all connections in arrival order, so one
 * connection's Parse, Bind, Execute, Sync interleave with another's and PostgreSQL answers
 * "bind message supplies 1 parameters, but prepared statement "" requires 2" or "portal ""
 * does not exist" (the gradebook export failed so about one time in four). This queue gives a
 * connection the database from its first extended-protocol message until its Sync (a simple
 * Query is one message), and for as long as it holds a transaction open; the other
 * connections wait their turn. Same interface as pglite-socket's QueryQueueManager, which
 * scripts/embedded-postgres.ts replaces with it.
 */
type Item = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

// Extended-query messages that leave a cycle open until Sync: Parse, Bind, Describe, Execute,
// Close, Flush.
const OPENS_CYCLE = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

export class ProtocolQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection the database belongs to until its cycle or transaction ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, resolve, reject, onData });
      void this.processQueue();
    });
  }

  private next(): Item | undefined {
    if (this.owner === null) return this.queue.shift();
    const i = this.queue.findIndex((item) => item.handlerId === this.owner);
    // The owner has not sent its next message yet: everyone else waits for it.
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const current = item;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
          current.resolve(bytes);
        } catch (error) {
          current.reject(error);
        }
        const opensCycle = OPENS_CYCLE.has(current.message[0] ?? 0);
        this.owner = opensCycle || this.db.isInTransaction() ? current.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection went away: its waiting messages fail, and it no longer holds the database. */
  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.processQueue();
  }
}
