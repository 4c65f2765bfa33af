// Demo sign-in accounts. The README and the e2e tests read this list: keep it the single source.
// One readable password for every demo account (demo data only, never a real deployment).

export const DEMO_PASSWORD = "tessera-demo";

export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  /** Team slug and role, or null for the platform admin (who needs no team). */
  team: string | null;
  teamRole: "OWNER" | "MEMBER" | null;
  isPlatformAdmin: boolean;
  role: string;
};

const owner = (team: string, name: string, teamName: string): DemoAccount => ({
  email: `${team}-owner@tessera.demo`,
  password: DEMO_PASSWORD,
  name,
  team,
  teamRole: "OWNER",
  isPlatformAdmin: false,
  role: `Owner of the ${teamName} team (publishes its products, contracts and deprecations)`,
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@tessera.demo",
    password: DEMO_PASSWORD,
    name: "Ada Okonkwo",
    team: null,
    teamRole: null,
    isPlatformAdmin: true,
    role: "Platform admin (governance rules, whole-mesh health, audit of every team)",
  },
  {
    email: "consumer@tessera.demo",
    password: DEMO_PASSWORD,
    name: "Sam Reyes",
    team: "marketing",
    teamRole: "MEMBER",
    isPlatformAdmin: false,
    role: "Consumer: analyst, member of the Marketing Analytics team (subscribes, reads, upgrades pins)",
  },
  owner("orders", "Olivia Ortega", "Orders"),
  owner("inventory", "Ines Ivanova", "Inventory"),
  owner("customer", "Carlos Mendes", "Customer"),
  owner("payments", "Priya Shah", "Payments"),
  owner("marketing", "Maya Lindqvist", "Marketing Analytics"),
  owner("platform", "Pat Okafor", "Data Platform"),
];

export function ownerEmail(team: string): string {
  return `${team}-owner@tessera.demo`;
}
