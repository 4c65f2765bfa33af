-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "dependencyKind" "DependencyKind" NOT NULL DEFAULT 'HARD';
