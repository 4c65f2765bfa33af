-- AlterTable
ALTER TABLE "Dependency" ADD COLUMN     "firstObservedAt" TIMESTAMP(3),
ADD COLUMN     "observedJobs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "observedRunCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "violationMessage" TEXT,
ADD COLUMN     "waivedAt" TIMESTAMP(3),
ADD COLUMN     "waivedBy" TEXT,
ADD COLUMN     "waiverReason" TEXT;

-- AlterTable
ALTER TABLE "UnclaimedDataset" ADD COLUMN     "readBy" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "writtenBy" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "LineageEvent" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "eventTime" TIMESTAMP(3) NOT NULL,
    "jobNamespace" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "producer" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "outputs" JSONB NOT NULL,
    "teamId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LineageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LineageEvent_dedupeKey_key" ON "LineageEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "LineageEvent_runId_idx" ON "LineageEvent"("runId");

-- CreateIndex
CREATE INDEX "LineageEvent_eventTime_idx" ON "LineageEvent"("eventTime");
