-- AlterTable
ALTER TABLE "Grade" ADD COLUMN "excused" BOOLEAN NOT NULL DEFAULT false;
