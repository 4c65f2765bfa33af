import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getTeam } from "@/lib/server/services/teams/get-team";
import { listTokens } from "@/lib/server/services/tokens/list-tokens";
import { listAudit } from "@/lib/server/services/audit/list-audit";
import { auditFiltersFromUrl } from "@/lib/server/services/audit/filters-from-url";
import { SCOPE_HELP, SCOPE_LIST } from "@/lib/server/services/tokens/schemas";
import { AppError, NotFoundError } from "@/lib/server/errors";
import { Card, SectionTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { TeamTabs, type TeamTab } from "@/components/teams/team-tabs";
import { TeamProfileForm } from "@/components/teams/team-profile-form";
import { AddMemberForm } from "@/components/teams/add-member-form";
import { MemberActions } from "@/components/teams/member-actions";
import { CreateTokenForm } from "@/components/teams/create-token-form";
import { RevokeTokenButton } from "@/components/teams/revoke-token-button";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditFilters } from "@/components/audit/audit-filters";
import type { Ctx } from "@/lib/server/auth/context";
import { addMemberAction, changeRoleAction, createTokenAction, removeMemberAction, revokeTokenAction, updateTeamAction } from "../actions";
import { DataTable, TABLE_ROW } from "@/components/ui/data-table";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const fmtDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const fmtTime = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Team ${(await params).slug}` };
}

async function load(ctx: Ctx, slug: string) {
  try {
    return await getTeam({ ctx, slug });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export default async function TeamPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const ctx = await requireUserCtx();
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    notFound();
  }
  const team = await load(ctx, decoded);
  const tabs: { id: TeamTab; label: string }[] = [{ id: "members", label: "Members" }];
  if (team.can.manageTokens) tabs.push({ id: "tokens", label: "API tokens" });
  if (team.can.readAudit) tabs.push({ id: "audit", label: "Audit" });
  const requested = (Array.isArray(sp.tab) ? sp.tab[0] : sp.tab) as TeamTab | undefined;
  const tab: TeamTab = tabs.some((t) => t.id === requested) ? requested! : "members";
  const me = ctx.actor.kind === "user" ? ctx.actor.userId : null;

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/teams" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">Teams</Link></p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>
          {team.myRole ? <Badge tone="indigo">you are {team.myRole === "OWNER" ? "an owner" : "a member"}</Badge> : null}
        </div>
        {team.description ? <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">{team.description}</p> : null}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1"><dt className="text-zinc-600 dark:text-zinc-400">On call</dt><dd className="font-mono" data-testid="team-oncall">{team.onCallHandle ?? "—"}</dd></div>
          <div className="flex gap-1"><dt className="text-zinc-600 dark:text-zinc-400">Channel</dt><dd className="font-mono" data-testid="team-channel">{team.contactChannel ?? "—"}</dd></div>
          <div className="flex gap-1"><dt className="text-zinc-600 dark:text-zinc-400">Products</dt><dd>{team.productCount}</dd></div>
          <div className="flex gap-1"><dt className="text-zinc-600 dark:text-zinc-400">Slug</dt><dd className="font-mono">{team.slug}</dd></div>
        </dl>
      </div>
      <TeamTabs slug={team.slug} current={tab} tabs={tabs} />

      {tab === "members" ? (
        <>
          {team.can.update ? (
            <Card>
              <SectionTitle>Profile</SectionTitle>
              <TeamProfileForm team={team} action={updateTeamAction} />
            </Card>
          ) : null}
          <Card>
            <SectionTitle>Members</SectionTitle>
            {team.members === null ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">Only members of {team.name} see who is in the team. Reach them on {team.contactChannel ?? team.onCallHandle ?? "their channel"}.</p>
            ) : (
              <div className="space-y-4">
                <DataTable caption={`Members of ${team.name}`} columns={["Name", "Email", "Role", "Since", { label: "Actions", hidden: true }]} minWidth={640} boxed={false}>
                  {team.members.map((m) => (
                    <tr key={m.userId} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                      <th scope="row" className="py-2 pr-3 text-left font-medium">{m.name}{m.userId === me ? " (you)" : ""}</th>
                      <td className="py-2 pr-3">{m.email}</td>
                      <td className="py-2 pr-3"><Badge tone={m.role === "OWNER" ? "indigo" : "neutral"}>{m.role === "OWNER" ? "owner" : "member"}</Badge></td>
                      <td className="py-2 pr-3 font-mono text-xs">{fmtDate(m.since)}</td>
                      <td className="py-2">
                        <MemberActions slug={team.slug} member={m} isSelf={m.userId === me} canManage={team.can.manageMembers} changeRole={changeRoleAction} remove={removeMemberAction} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
                {team.can.manageMembers ? <AddMemberForm slug={team.slug} action={addMemberAction} /> : null}
              </div>
            )}
          </Card>
        </>
      ) : null}

      {tab === "tokens" ? <TokensTab ctx={ctx} slug={team.slug} /> : null}
      {tab === "audit" ? <AuditTab ctx={ctx} slug={team.slug} sp={sp} /> : null}
    </div>
  );
}

async function TokensTab({ ctx, slug }: { ctx: Ctx; slug: string }) {
  const tokens = await listTokens({ ctx, team: slug });
  return (
    <>
      <Card>
        <SectionTitle>Create a token</SectionTitle>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">For CI pipelines and tools acting for this team through the API. Give each the fewest scopes it needs.</p>
        <CreateTokenForm team={slug} scopes={SCOPE_LIST.map((s) => ({ name: s, help: SCOPE_HELP[s] }))} action={createTokenAction} />
      </Card>
      <Card>
        <SectionTitle>Tokens</SectionTitle>
        {tokens.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No tokens yet.</p>
        ) : (
          <DataTable caption="API tokens of the team" columns={["Name", "Scopes", "Created", "Expires", "Last used", "Status", { label: "Actions", hidden: true }]} minWidth={760} boxed={false}>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  {t.name}
                  <span className="block font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">tsr_{t.prefix}_…</span>
                </th>
                <td className="py-2 pr-3"><span className="flex flex-wrap gap-1">{t.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</span></td>
                <td className="py-2 pr-3 text-xs">{fmtDate(t.createdAt)}{t.createdBy ? <span className="block text-zinc-600 dark:text-zinc-400">by {t.createdBy.name}</span> : <span className="block text-zinc-600 dark:text-zinc-400">by the CLI</span>}</td>
                <td className="py-2 pr-3 font-mono text-xs">{t.expiresAt ? fmtDate(t.expiresAt) : "never"}</td>
                <td className="py-2 pr-3 font-mono text-xs" data-testid="token-last-used">{fmtTime(t.lastUsedAt)}</td>
                <td className="py-2 pr-3">{t.revokedAt ? <Badge tone="red">revoked</Badge> : t.expired ? <Badge tone="amber">expired</Badge> : <Badge tone="green">active</Badge>}</td>
                <td className="py-2">{!t.revokedAt ? <RevokeTokenButton team={slug} tokenId={t.id} name={t.name} action={revokeTokenAction} /> : null}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

async function AuditTab({ ctx, slug, sp }: { ctx: Ctx; slug: string; sp: Record<string, string | string[] | undefined> }) {
  const { values, input } = auditFiltersFromUrl(sp);
  let page;
  let error: string | null = null;
  try {
    page = await listAudit({ ctx, input: { ...input, team: slug, product: undefined } });
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    error = e.message;
  }
  const next = page?.nextCursor ? `/teams/${slug}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v) as [string, string][]), tab: "audit", cursor: page.nextCursor })}` : null;
  return (
    <div className="space-y-3">
      <AuditFilters action={`/teams/${slug}`} values={values} keep={{ tab: "audit" }} />
      {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p> : null}
      {page ? <AuditTable entries={page.entries} caption="Audit trail of the team" showTeam={false} /> : null}
      {next ? <Link href={next} className="text-sm text-indigo-700 underline dark:text-indigo-300">Older entries</Link> : null}
    </div>
  );
}
