// npm run bench:bundle — first-load JavaScript of each route, gzipped: every <script src>
// a route's HTML loads, fetched from the production build and gzipped like a CDN would.
//
// Measured against the framework's floor, built in the same run: a minimal App Router app
// (one server-rendered page, no client component of its own: bench/support/floor-app.ts) on
// the same next and react. Each route prints its overhead above that floor, and the run fails
// only when a public page is more than 5 KB above it or a signed-in page more than 40 KB
// (issue 14.4): what the framework itself costs is not ours to cut.
import { gzipSync } from "node:zlib";
import { buildFloorApp } from "./support/floor-app";
import { signInCookie, startBenchServer } from "./support/server";

const LIMIT_ABOVE_FLOOR_KB = { public: 5, signedIn: 40 };
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

const gzCache = new Map<string, number>();

/** First-load JavaScript of the page at `url`, gzipped, in KB, and how many scripts it loads. */
async function firstLoadKb(url: string, cookie?: string): Promise<{ status: number; scripts: number; kb: number }> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
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
    const asset = new URL(src, url).toString();
    if (!gzCache.has(asset)) {
      const body = Buffer.from(await (await fetch(asset)).arrayBuffer());
      gzCache.set(asset, gzipSync(body, { level: 9 }).length);
    }
    bytes += gzCache.get(asset)!;
  }
  return { status: res.status, scripts: srcs.length, kb: bytes / 1024 };
}

console.log("building the floor (a minimal App Router app on the same next and react) …");
const floorApp = await buildFloorApp(port + 5);
let floorKb: number;
try {
  const floor = await firstLoadKb(floorApp.url);
  if (floor.status !== 200) throw new Error(`the floor app answered ${floor.status}`);
  floorKb = floor.kb;
} finally {
  await floorApp.stop();
}

const server = await startBenchServer(port);
const cookies = new Map<string, string>();
const over: string[] = [];
try {
  console.log(`\nfloor: ${floorKb.toFixed(1)} KB (gzip)`);
  console.log(
    `aim: public pages at most ${LIMIT_ABOVE_FLOOR_KB.public} KB above the floor, signed-in pages at most ${LIMIT_ABOVE_FLOOR_KB.signedIn} KB\n`,
  );
  console.log("route | status | scripts | first-load JS (gzip KB) | above the floor (KB) | limit");
  for (const r of routes) {
    if (r.as && !cookies.has(r.as)) cookies.set(r.as, await signInCookie(server.base, r.as));
    const { status, scripts, kb } = await firstLoadKb(server.base + r.path, r.as ? cookies.get(r.as) : undefined);
    const above = kb - floorKb;
    const limit = r.public ? LIMIT_ABOVE_FLOOR_KB.public : LIMIT_ABOVE_FLOOR_KB.signedIn;
    const label = `${r.path}${r.as ? ` (${r.as.split("@")[0]})` : ""}`;
    // A page that did not render measured nothing: that fails too.
    const failed = above > limit || status !== 200;
    if (failed) over.push(label);
    console.log(
      `${label} | ${status} | ${scripts} | ${kb.toFixed(1)} | ${above >= 0 ? "+" : ""}${above.toFixed(1)} | ${limit}${failed ? "  OVER" : ""}`,
    );
  }
} finally {
  await server.stop();
}
if (over.length) {
  console.error(`\nover the limit above the floor: ${over.join(", ")}`);
  process.exit(1);
}
console.log("\nevery route is within its limit above the floor");
