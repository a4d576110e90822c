// `npm start` skips next build only when the build was made from the sources as they are
// (issue 14.3: "a second start under 10 s", without ever serving a stale build).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsCurrent, sourceFingerprint, writeBuildStamp } from "@/scripts/build-stamp";

let root: string;
let dist: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const env = {};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "lectern-stamp-"));
  dist = path.join(root, ".next");
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("lib/domain/time.ts", "export const a = 1;\n");
  write("package-lock.json", "{}\n");
  write("tests/unit/a.test.ts", "// not a build input\n");
  mkdirSync(dist);
  writeFileSync(path.join(dist, "BUILD_ID"), "abc\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The stamp of a build made now, then whether it is still current after `change`. */
function currentAfter(change: () => void, changedEnv: Record<string, string> = env): boolean {
  writeBuildStamp(dist, sourceFingerprint(root, env));
  change();
  return buildIsCurrent(dist, sourceFingerprint(root, changedEnv));
}

describe("build stamp", () => {
  it("is current when nothing the build reads changed", () => {
    expect(currentAfter(() => undefined)).toBe(true);
  });

  it("is current after a change outside the build's inputs (tests, docs)", () => {
    expect(
      currentAfter(() => {
        write("tests/unit/a.test.ts", "// edited\n");
        write("docs/performance.md", "# new\n");
      }),
    ).toBe(true);
  });

  it("is stale after an edit, a new file, a lockfile change or a NEXT_PUBLIC_ value", () => {
    expect(currentAfter(() => write("app/page.tsx", "export default function Page() { return 1; }\n"))).toBe(false);
    expect(currentAfter(() => write("components/new.tsx", "export {};\n"))).toBe(false);
    expect(currentAfter(() => write("package-lock.json", '{"v":2}\n'))).toBe(false);
    expect(currentAfter(() => undefined, { NEXT_PUBLIC_X: "1" })).toBe(false);
  });

  it("tells a moved file from an edited one (paths are hashed with the bytes)", () => {
    expect(
      currentAfter(() => {
        rmSync(path.join(root, "lib/domain/time.ts"));
        write("lib/domain/times.ts", "export const a = 1;\n");
      }),
    ).toBe(false);
  });

  it("is never current without a stamp, or without a finished build", () => {
    const fingerprint = sourceFingerprint(root, env);
    expect(buildIsCurrent(dist, fingerprint)).toBe(false);
    writeBuildStamp(dist, fingerprint);
    rmSync(path.join(dist, "BUILD_ID"));
    expect(buildIsCurrent(dist, fingerprint)).toBe(false);
  });
});
