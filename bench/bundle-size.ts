// npm run bench:bundle — first-load JavaScript of each route, gzipped: every <script src>
// a route's HTML loads, fetched from the production build and gzipped like a CDN would.
import { gzipSync } from "node:zlib";
import { signInCookie, startBenchServer } from "./support/server";

const PUBLIC_LIMIT_KB = 120;
const port = Number(process.env.BENCH_PORT ?? 3700);

type Route = { path: string; as: string | null; public: boolean };
const routes: Route[] = [
  { path: "/courses", as: null, public: true },
  { path: "/courses/csci1390", as: null, public: true },
  { path: "/courses/csci1390/schedule", as: null, public: true },
  { path: "/courses/csci1390/announcements", as: null, public: true },
  { path: "/courses/csci1390/assignments", as: null, public: true },
  { path: "/courses/csci1390/speakers", as: null, public: true },
  { path: "/signin", as: null, public: true },
  { path: "/courses/csci1390/me", as: "student1@csci1390.demo", public: false },
  { path: "/courses/csci1390/grades", as: "student1@csci1390.demo", public: false },
  { path: "/courses/csci1390/gradebook", as: "ta@csci1390.demo", public: false },
  { path: "/courses/csci1390/late-hours", as: "instructor@csci1390.demo", public: false },
  { path: "/courses/csci1390/manage", as: "instructor@csci1390.demo", public: false },
];

const server = await startBenchServer(port);
const cookies = new Map<string, string>();
const gzCache = new Map<string, number>();
let failed = false;
try {
  console.log("route | status | scripts | first-load JS (gzip KB)");
  for (const r of routes) {
    if (r.as && !cookies.has(r.as)) cookies.set(r.as, await signInCookie(server.base, r.as));
    const res = await fetch(server.base + r.path, { headers: r.as ? { cookie: cookies.get(r.as)! } : {} });
    const html = await res.text();
    // nomodule scripts (legacy polyfills) are never loaded by the browsers that run modules.
    const srcs = [
      ...new Set(
        [...html.matchAll(/<script([^>]*)src="([^"]+)"([^>]*)>/g)]
          .filter((m) => !/nomodule/i.test(m[1]! + m[3]!))
          .map((m) => m[2]!),
      ),
    ];
    let bytes = 0;
    for (const src of srcs) {
      if (!gzCache.has(src)) {
        const body = Buffer.from(await (await fetch(new URL(src, server.base))).arrayBuffer());
        gzCache.set(src, gzipSync(body, { level: 9 }).length);
      }
      bytes += gzCache.get(src)!;
    }
    const kb = bytes / 1024;
    const over = r.public && kb > PUBLIC_LIMIT_KB;
    failed ||= over;
    console.log(
      `${r.path}${r.as ? ` (${r.as.split("@")[0]})` : ""} | ${res.status} | ${srcs.length} | ${kb.toFixed(1)}${over ? `  OVER ${PUBLIC_LIMIT_KB} KB` : ""}`,
    );
  }
} finally {
  await server.stop();
}
if (failed) {
  console.error(`a public page is over ${PUBLIC_LIMIT_KB} KB gzipped`);
  process.exit(1);
}
