import { apiRoute } from "@/lib/server/http/api-route";
import { governanceReportOp } from "@/lib/server/http/operations/lineage";
import { getGovernanceReport } from "@/lib/server/services/lineage/get-governance-report";

export const GET = apiRoute(governanceReportOp, async ({ ctx, query }) => {
  const { domains: _d, teams: _t, canWaive: _c, ...report } = await getGovernanceReport(ctx, query);
  return report;
});
