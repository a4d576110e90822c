-- Canvas gradebook links, learned from grade imports (issue 13): the Canvas assignment id per
-- assignment, the Canvas user id / SIS User ID / SIS Login ID per membership, and the import
-- columns a course chose to ignore.

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "canvasIgnoredColumns" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "canvasUserId" TEXT,
ADD COLUMN     "sisLoginId" TEXT,
ADD COLUMN     "sisUserId" TEXT;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "canvasId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_courseId_canvasUserId_key" ON "Membership"("courseId", "canvasUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_courseId_canvasId_key" ON "Assignment"("courseId", "canvasId");
