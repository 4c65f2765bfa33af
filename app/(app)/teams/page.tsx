import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listTeams } from "@/lib/server/services/teams/list-teams";
import { Card, SectionTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

type Team = Awaited<ReturnType<typeof listTeams>>[number];

function TeamItem({ t }: { t: Team }) {
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold">
          <Link href={`/teams/${t.slug}`} className="hover:underline">{t.name}</Link>
        </h3>
        {t.myRole ? <Badge tone={t.myRole === "OWNER" ? "indigo" : "neutral"}>{t.myRole === "OWNER" ? "owner" : "member"}</Badge> : null}
      </div>
      {t.description ? <p className="mt-1 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{t.description}</p> : null}
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        {t.memberCount} {t.memberCount === 1 ? "member" : "members"} · {t.productCount} products
        {t.onCallHandle ? ` · on call ${t.onCallHandle}` : ""}
        {t.contactChannel ? ` · ${t.contactChannel}` : ""}
      </p>
    </li>
  );
}

export default async function TeamsPage() {
  const ctx = await requireUserCtx();
  const teams = await listTeams(ctx);
  const mine = teams.filter((t) => t.myRole);
  const others = teams.filter((t) => !t.myRole);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Teams</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Who owns what: members, roles, on-call handles and contact channels.</p>
      </div>
      <section aria-labelledby="my-teams">
        <h2 id="my-teams" className="mb-3 text-base font-semibold">Your teams</h2>
        {mine.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">You are not in a team yet. Create one below, or ask a team owner to add you.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{mine.map((t) => <TeamItem key={t.id} t={t} />)}</ul>
        )}
      </section>
      <Card>
        <SectionTitle id="create-team">Create a team</SectionTitle>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">You become its first owner, and can then add members by email.</p>
        <CreateTeamForm action={createTeamAction} />
      </Card>
      {others.length ? (
        <section aria-labelledby="other-teams">
          <h2 id="other-teams" className="mb-3 text-base font-semibold">Other teams</h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{others.map((t) => <TeamItem key={t.id} t={t} />)}</ul>
        </section>
      ) : null}
    </div>
  );
}
