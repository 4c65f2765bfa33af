import "server-only";
import type { JobDefinition } from "./types";
import { pruneLineageEvents } from "../services/lineage/prune-lineage-events";

export const LINEAGE_JOBS: JobDefinition[] = [
  // Daily: raw OpenLineage events older than the retention setting go (observed edges stay).
  { name: "lineage.prune", cron: "41 3 * * *", run: ({ now }) => pruneLineageEvents({ now }) },
];
