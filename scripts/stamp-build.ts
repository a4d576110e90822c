// `npm run build`'s last step: stamps the finished build with its sources' fingerprint, so a
// later `npm start` (scripts/launch.ts) knows it is current and does not build again. Without
// the stamp, the test command's embedded-database check (`npm start` beside the e2e servers)
// rebuilt .next/ under the running app, whose pages then asked for chunks that were gone.
import { sourceFingerprint, writeBuildStamp } from "./build-stamp";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
writeBuildStamp(distDir, sourceFingerprint(process.cwd()));
console.log(`[lectern] ${distDir}/ stamped as built from the current sources`);
