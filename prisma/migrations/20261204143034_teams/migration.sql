-- Teams (issue 16): team sets, teams, members (one team per set per student), team extensions,
-- team submissions (each member row points to the team one), team grades, and the team set of an assignment.

-- CreateEnum
CREATE TYPE "TeamLatenessPolicy" AS ENUM ('CHARGE_EACH', 'SHARED_BUDGET', 'NO_LATE');

-- CreateEnum
CREATE TYPE "TeamDuePolicy" AS ENUM ('LATEST_OF_MEMBERS', 'TEAM_ONLY');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "teamSetId" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "teamSubmissionId" TEXT;

-- CreateTable
CREATE TABLE "TeamSet" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "minSize" INTEGER NOT NULL DEFAULT 1,
    "maxSize" INTEGER,
    "selfFormation" BOOLEAN NOT NULL DEFAULT false,
    "formationLocksAt" TIMESTAMPTZ(3),
    "latenessPolicy" "TeamLatenessPolicy" NOT NULL DEFAULT 'CHARGE_EACH',
    "duePolicy" "TeamDuePolicy" NOT NULL DEFAULT 'LATEST_OF_MEMBERS',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "teamSetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "teamSetId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamExtension" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "action" "ExtensionAction" NOT NULL DEFAULT 'GRANT',
    "dueAt" TIMESTAMPTZ(3),
    "revokesId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "grantedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamSubmission" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "fileData" BYTEA,
    "lateHours" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamGrade" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "feedback" TEXT NOT NULL DEFAULT '',
    "graderId" TEXT,
    "overrides" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TeamGrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamSet_courseId_name_key" ON "TeamSet"("courseId", "name");

-- CreateIndex
CREATE INDEX "Team_courseId_idx" ON "Team"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_teamSetId_name_key" ON "Team"("teamSetId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_teamId_idx" ON "TeamMember"("teamId");

-- CreateIndex
CREATE INDEX "TeamMember_courseId_userId_idx" ON "TeamMember"("courseId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamSetId_userId_key" ON "TeamMember"("teamSetId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamExtension_revokesId_key" ON "TeamExtension"("revokesId");

-- CreateIndex
CREATE INDEX "TeamExtension_courseId_assignmentId_teamId_idx" ON "TeamExtension"("courseId", "assignmentId", "teamId");

-- CreateIndex
CREATE INDEX "TeamSubmission_courseId_assignmentId_teamId_submittedAt_idx" ON "TeamSubmission"("courseId", "assignmentId", "teamId", "submittedAt");

-- CreateIndex
CREATE INDEX "TeamGrade_courseId_idx" ON "TeamGrade"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamGrade_assignmentId_teamId_key" ON "TeamGrade"("assignmentId", "teamId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_teamSetId_fkey" FOREIGN KEY ("teamSetId") REFERENCES "TeamSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_teamSubmissionId_fkey" FOREIGN KEY ("teamSubmissionId") REFERENCES "TeamSubmission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSet" ADD CONSTRAINT "TeamSet_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_teamSetId_fkey" FOREIGN KEY ("teamSetId") REFERENCES "TeamSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamSetId_fkey" FOREIGN KEY ("teamSetId") REFERENCES "TeamSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamExtension" ADD CONSTRAINT "TeamExtension_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamExtension" ADD CONSTRAINT "TeamExtension_revokesId_fkey" FOREIGN KEY ("revokesId") REFERENCES "TeamExtension"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSubmission" ADD CONSTRAINT "TeamSubmission_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSubmission" ADD CONSTRAINT "TeamSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamGrade" ADD CONSTRAINT "TeamGrade_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

