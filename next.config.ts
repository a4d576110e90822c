import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // scripts/server.ts compresses responses, at a cheaper level than Next's default.
  compress: false,
  // Parallel builds (e.g. two checkouts of the tests) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The Prisma client and pg are server-only Node packages; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "pino", "ioredis"],
  typedRoutes: false,
  // Every browser gets its <title> and <meta> in <head>: Next otherwise streams metadata into
  // <body> for browsers it does not count as bots, which the W3C validator rejects (and the
  // title is missing until the stream ends). Pages' bodies still stream.
  htmlLimitedBots: /.*/,
  // `npm start` builds with LECTERN_SKIP_TYPECHECK=1 (scripts/launch.ts): checking types is the
  // test command's job (`npm run typecheck`, .ci/run), and it took 52 s of a first start.
  typescript: { ignoreBuildErrors: process.env.LECTERN_SKIP_TYPECHECK === "1" },
  // forbidden() / unauthorized() give real 403 / 401 pages.
  experimental: {
    authInterrupts: true,
    // Submissions upload files of up to 10 MB through a server action (and through proxy.ts):
    // room for the file plus the multipart envelope; the data layer enforces the 10 MB itself.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  // Pages get their Content-Security-Policy (with a per-request nonce) and, over https, HSTS from
  // proxy.ts at run time; these are the same everywhere, so they can be fixed at build time.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
