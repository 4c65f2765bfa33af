import { Badge } from "../ui/badge";

/** A change class or bump: MAJOR red, MINOR indigo, PATCH and the rest neutral. */
export function ChangeClassBadge({ value }: { value: string | null }) {
  if (value === null || value === "INITIAL") return <Badge>first version</Badge>;
  if (value === "NONE") return <Badge>no change</Badge>;
  return <Badge tone={value === "MAJOR" ? "red" : value === "MINOR" ? "indigo" : "neutral"}>{value.toLowerCase()}</Badge>;
}
