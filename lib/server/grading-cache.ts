import "server-only";
import { invalidateCourse } from "./cache";
import { logError } from "./log";

/**
 * Bumps the course's cache version after a committed write. The write has already
 * happened, so a cache outage (Redis not reachable yet) is logged, not reported as
 * a failed save: the grader would otherwise retry something that succeeded.
 */
export async function invalidateAfterCommit(courseId: string): Promise<void> {
  try {
    await invalidateCourse(courseId);
  } catch (error) {
    logError("cache invalidation failed after a committed write", error, { courseId });
  }
}
