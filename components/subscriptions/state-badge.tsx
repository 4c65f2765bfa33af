import { Badge } from "../ui/badge";

const LABEL = {
  BROKEN: ["red", "Broken: nothing in range"],
  DEPRECATED: ["amber", "Pinned range deprecated"],
  NEW_MAJOR_AVAILABLE: ["indigo", "New major available"],
  UPDATE_AVAILABLE: ["neutral", "Update outside pin"],
  CURRENT: ["green", "Current"],
} as const;

export type SubState = keyof typeof LABEL;

export function StateBadge({ state, status, daysToSunset }: { state: SubState; status: string; daysToSunset?: number | null }) {
  if (status === "PENDING") return <Badge tone="amber">Awaiting approval</Badge>;
  if (status === "BROKEN") return <Badge tone="red">{LABEL.BROKEN[1]}</Badge>;
  const [tone, text] = LABEL[state];
  return (
    <Badge tone={tone}>
      {text}
      {state === "DEPRECATED" && daysToSunset != null ? ` · sunset in ${daysToSunset} days` : ""}
    </Badge>
  );
}
