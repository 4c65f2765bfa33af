"use client";
import type { ActionResult } from "@/lib/server/http/action";
import { inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { useFormAction } from "../ui/use-form-action";
import { FormMessage } from "../ui/form-message";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
type Member = { userId: string; name: string; email: string; role: "OWNER" | "MEMBER" };

/** Role change and removal for one member row (owners), or "Leave team" for oneself. */
export function MemberActions({ slug, member, isSelf, canManage, changeRole, remove }: { slug: string; member: Member; isSelf: boolean; canManage: boolean; changeRole: Action; remove: Action }) {
  const [roleState, roleAction, rolePending] = useFormAction(changeRole);
  const [removeState, removeAction, removePending] = useFormAction(remove);
  const selectId = `role-${member.userId}`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        {canManage ? (
          <form onSubmit={roleAction} className="flex items-center gap-1">
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="userId" value={member.userId} />
            <label htmlFor={selectId} className="sr-only">Role of {member.name}</label>
            <select id={selectId} name="role" defaultValue={member.role} className={inputClass + " w-auto py-1"}>
              <option value="MEMBER">Member</option>
              <option value="OWNER">Owner</option>
            </select>
            <Button type="submit" variant="secondary" className="py-1" disabled={rolePending} aria-label={`Change role of ${member.name}`}>
              Change role
            </Button>
          </form>
        ) : null}
        {canManage || isSelf ? (
          <form onSubmit={removeAction}>
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="userId" value={member.userId} />
            <Button type="submit" variant="ghost" className="py-1 text-red-700 dark:text-red-300" disabled={removePending} aria-label={isSelf ? "Leave this team" : `Remove ${member.name} from the team`}>
              {isSelf ? "Leave team" : "Remove"}
            </Button>
          </form>
        ) : null}
      </div>
      <FormMessage state={roleState} />
      <FormMessage state={removeState} />
    </div>
  );
}
