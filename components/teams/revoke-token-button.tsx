"use client";
import { useState } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { Button } from "../ui/button";
import { useFormAction } from "../ui/use-form-action";
import { FormMessage } from "../ui/form-message";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** Two steps (Revoke, then Confirm) so a stray click does not break a pipeline. */
export function RevokeTokenButton({ team, tokenId, name, action }: { team: string; tokenId: string; name: string; action: Action }) {
  const [state, onSubmit, pending] = useFormAction(action);
  const [confirming, setConfirming] = useState(false);
  return (
    <div>
      {confirming ? (
        <form onSubmit={onSubmit} className="flex items-center gap-1">
          <input type="hidden" name="team" value={team} />
          <input type="hidden" name="tokenId" value={tokenId} />
          <Button type="submit" variant="primary" className="bg-red-700 py-1 hover:bg-red-800" disabled={pending} aria-label={`Confirm revoking ${name}`}>
            Confirm revoke
          </Button>
          <Button type="button" variant="ghost" className="py-1" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" className="py-1" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
