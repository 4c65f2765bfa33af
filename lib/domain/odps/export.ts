// A product as an Open Data Product Standard (ODPS v1.0.0) document. Each output port is listed once
// per published (not retired) contract version, as the standard keys ports by name + version, with
// the ODCS contract id and a link to our ODCS export of that version.
import { odcsContractId } from "../odcs/export";

export const ODPS_API_VERSION = "v1.0.0";

export type OdpsInput = {
  key: string;
  name: string;
  description: string;
  domain: string;
  topic: string;
  tier: string;
  reliabilityClass: string;
  lifecycleStatus: string;
  sloStatus: string;
  tags: string[];
  createdAt: Date;
  team: { slug: string; name: string; onCallHandle: string | null; contactChannel: string | null };
  currentVersion: string | null;
  versions: { version: string; status: string }[];
  ports: { name: string; kind: string; platform: string; namespace: string; location: string; description: string }[];
  /** Declared upstream products with their current contract version. */
  inputs: { key: string; version: string | null; kind: string }[];
};

type Obj = Record<string, unknown>;
const prop = (property: string, value: unknown): Obj => ({ property, value });

export function exportOdps(p: OdpsInput, baseUrl: string): Obj {
  const base = baseUrl.replace(/\/+$/, "");
  const contractUrl = (key: string, version: string) => `${base}/api/v1/products/${encodeURIComponent(key)}/contracts/${encodeURIComponent(version)}?format=odcs`;
  const live = p.versions.filter((v) => v.status !== "RETIRED");
  const outputPorts = p.ports.flatMap((port) => {
    const common = {
      name: port.name,
      ...(port.description ? { description: port.description } : {}),
      type: port.kind.toLowerCase(),
      customProperties: [prop("location", port.location), ...(port.namespace ? [prop("namespace", port.namespace)] : []), ...(port.platform ? [prop("platform", port.platform)] : [])],
    };
    if (!live.length) return [{ ...common, version: "0.0.0" }];
    return live.map((v) => ({
      ...common,
      version: v.version,
      contractId: odcsContractId(p.key),
      ...(v.status === "DEPRECATED" ? { tags: ["deprecated"] } : {}),
      authoritativeDefinitions: [{ type: "dataContract", url: contractUrl(p.key, v.version), description: `ODCS contract ${v.version}` }],
    }));
  });
  const inputPorts = p.inputs
    .filter((i) => i.version)
    .map((i) => ({ name: i.key, version: i.version!, contractId: odcsContractId(i.key), customProperties: [prop("dependencyKind", i.kind)], authoritativeDefinitions: [{ type: "dataContract", url: contractUrl(i.key, i.version!) }] }));
  return {
    apiVersion: ODPS_API_VERSION,
    kind: "DataProduct",
    id: p.key,
    name: p.name,
    ...(p.currentVersion ? { version: p.currentVersion } : {}),
    status: p.lifecycleStatus.toLowerCase(),
    domain: p.domain,
    description: { purpose: p.description || p.name, authoritativeDefinitions: [{ type: "catalogPage", url: `${base}/products/${encodeURIComponent(p.key)}` }] },
    tags: p.tags,
    customProperties: [prop("topic", p.topic), prop("tier", p.tier), prop("reliabilityClass", p.reliabilityClass), prop("sloStatus", p.sloStatus), prop("ownerTeam", p.team.slug)],
    ...(inputPorts.length ? { inputPorts } : {}),
    outputPorts,
    team: { name: p.team.name, customProperties: [prop("slug", p.team.slug), ...(p.team.onCallHandle ? [prop("onCall", p.team.onCallHandle)] : [])] },
    // ODPS wants a URL per channel: the team's page in Tessera, which shows the channel and on-call.
    ...(p.team.contactChannel ? { support: [{ channel: p.team.contactChannel, url: `${base}/teams/${encodeURIComponent(p.team.slug)}`, scope: "issues" }] } : {}),
    productCreatedTs: p.createdAt.toISOString(),
  };
}
