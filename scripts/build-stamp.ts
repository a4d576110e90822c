// Whether the production build in a dist folder was made from the sources as they are now,
// so `npm start` (scripts/launch.ts) builds only when something the build reads changed.
//
// The stamp is a SHA-256 over the path and bytes of every file `next build` reads from the
// project (not node_modules: package-lock.json stands for it), plus the NEXT_PUBLIC_* values
// inlined into the browser bundle. Hashing ~600 files takes well under a second; a build
// on the 2-core machine takes a minute or more.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What the build reads: folders walked recursively, and single files. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

const STAMP_FILE = "lectern-build-stamp";

function filesUnder(root: string, relative: string, out: string[]): void {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    out.push(relative);
    return;
  }
  for (const entry of readdirSync(full).sort()) filesUnder(root, path.join(relative, entry), out);
}

/** The fingerprint of the build's inputs under `root` (the project folder). */
export function sourceFingerprint(root: string, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const input of BUILD_INPUTS) filesUnder(root, input, files);
  for (const file of files) {
    // Separators keep "ab" + "c" from hashing like "a" + "bc".
    hash.update(`${file.split(path.sep).join("/")}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  for (const name of Object.keys(env)
    .filter((k) => k.startsWith("NEXT_PUBLIC_"))
    .sort())
    hash.update(`${name}=${env[name]}\0`);
  return hash.digest("hex");
}

/** True when `distDir` holds a finished build whose stamp matches `fingerprint`. */
export function buildIsCurrent(distDir: string, fingerprint: string): boolean {
  const stamp = path.join(distDir, STAMP_FILE);
  if (!existsSync(path.join(distDir, "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === fingerprint;
}

/** Written after a successful build only, so a failed or interrupted build is never "current". */
export function writeBuildStamp(distDir: string, fingerprint: string): void {
  writeFileSync(path.join(distDir, STAMP_FILE), `${fingerprint}\n`);
}
