import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Parallel builds (e.g. two checkouts of the tests) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The Prisma client and pg are server-only Node packages; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "pino", "ioredis"],
  typedRoutes: false,
  // forbidden() / unauthorized() give real 403 / 401 pages.
  experimental: { authInterrupts: true },
};

export default nextConfig;
