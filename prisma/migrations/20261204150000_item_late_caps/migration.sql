-- Late rules act on items, not on the course letter: over-cap and over-budget actions, the item cap,
-- late work of uncovered kinds, kinds never accepted late. Allowed misses per category. The D/F call per grade.
ALTER TYPE "OverCapAction" ADD VALUE 'CAP_ITEM';

CREATE TYPE "UncoveredLateAction" AS ENUM ('FLAG', 'ZERO', 'REFUSE');

ALTER TABLE "LatePolicy" DROP COLUMN "overBudgetGradeCap",
ADD COLUMN "overBudgetAction" "OverCapAction" NOT NULL DEFAULT 'FLAG',
ADD COLUMN "itemCap" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "uncoveredLateAction" "UncoveredLateAction" NOT NULL DEFAULT 'FLAG',
ADD COLUMN "lateRefusedKinds" "AssignmentKind"[] DEFAULT ARRAY[]::"AssignmentKind"[];

ALTER TABLE "GradingCategory" ADD COLUMN "allowedMisses" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Grade" ADD COLUMN "basicallyWorks" BOOLEAN;
