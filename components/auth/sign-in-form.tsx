"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";

export function SignInForm({ callbackUrl, sso, initialError }: { callbackUrl: string; sso?: { id: string; name: string } | null; initialError?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error === "RateLimited" || res?.status === 429 ? "Too many sign-in attempts. Wait a few minutes and try again." : "That email and password do not match an active account.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {sso ? (
        <>
          <Button type="button" variant="secondary" className="w-full" disabled={pending} onClick={() => (setPending(true), void signIn(sso.id, { callbackUrl }))}>
            Continue with {sso.name}
          </Button>
          <p className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            or with email and password
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </p>
        </>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4">
        <Field label="Email" htmlFor="email">
          <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
        </Field>
        <Field label="Password" htmlFor="password">
          <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </Field>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}
