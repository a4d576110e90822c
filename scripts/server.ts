// The production server: Next's request handler inside our own http.Server, so
// that every request gets an id and a JSON log line, and SIGTERM drains in-flight
// requests and closes the database pool before exiting (`next start` exits at once).
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { constants as zlibConstants } from "node:zlib";
import compression from "compression";
import pino from "pino";
import { overwriteForwardedFor, proxyTrust } from "../lib/client-address";
import { API_CSP, STATIC_SECURITY_HEADERS } from "../lib/security-headers";
import { readFileSync } from "node:fs";
import { createPageCache } from "../lib/server/platform/page-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "lectern", pid: process.pid } });

// Compression here instead of Next's (next.config.ts: compress: false): Next's uses zlib's default
// level, which spent ~100 ms of CPU on the 2 MB gradebook page; the fastest levels of gzip and
// brotli still shrink HTML six- to sevenfold for a fraction of that.
const compress = compression({ level: 1, brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } } });

// Resolved once: a malformed TRUSTED_PROXIES stops the server from starting.
const trust = proxyTrust();

const app = next({ dev: false, hostname, port, dir: process.cwd(), conf: undefined });
const handle = app.getRequestHandler();
await app.prepare();
// Public pages for anonymous viewers, rendered once per site version (lib/server/platform/page-cache/).
const pageCache = createPageCache({
  buildId: readFileSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/BUILD_ID`, "utf8").trim(),
  log,
});

let inFlight = 0;
const server = http.createServer((req, res) => {
  // Before anything reads it: the sign-in limit keys on this address.
  overwriteForwardedFor(req, trust);
  const requestId =
    (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].slice(0, 100)) || randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  // Every response, whatever Next answers it with (a 404 for a file name, a 400, a static file):
  // the static headers, and a CSP that allows nothing. Pages replace the CSP with their nonce'd
  // one (proxy.ts); Next sets its headers later, so its values win where it has any.
  for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", API_CSP);
  const started = performance.now();
  inFlight++;
  // The moment a request counts as in flight (the graceful-shutdown test waits for it).
  log.debug({ requestId, method: req.method, path: (req.url ?? "").split("?")[0] }, "request received");
  res.on("close", () => {
    inFlight--;
    const path = (req.url ?? "").split("?")[0];
    if (path?.startsWith("/_next/static")) return; // static assets would drown the log
    log.info(
      { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) },
      "request",
    );
  });
  void pageCache.handle(req, res, {
    compress: (next) => compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], next),
    render: () => void handle(req, res),
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => log.info({ port, hostname }, "listening"));

// The outbox worker runs beside the web server unless told not to (LECTERN_WORKER=off, for
// deployments that run `npm run worker` separately).
const { startNotificationWorker } = await import("@/lib/server/notify/run-worker");
const mailWorker = process.env.LECTERN_WORKER === "off" ? null : startNotificationWorker();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal, inFlight }, "shutting down: draining in-flight requests");
  const force = setTimeout(
    () => {
      log.warn({ inFlight }, "drain timeout: exiting");
      process.exit(1);
    },
    Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000),
  );
  force.unref();
  server.close(() => {
    const db = (globalThis as { lecternDb?: { $disconnect(): Promise<void> } }).lecternDb;
    void (mailWorker?.close() ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => db?.$disconnect())
      .catch(() => undefined)
      .then(() => {
        log.info("stopped");
        process.exit(0);
      });
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
