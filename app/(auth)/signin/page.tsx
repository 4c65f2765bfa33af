import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/session";
import { ssoProvider } from "@/lib/server/auth/options";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths are accepted as a destination after sign-in. */
function safeCallback(raw: string | string[] | undefined): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/marketplace";
}

// next-auth sends failures back here as ?error=<code>; never echo the raw value.
const ERRORS: Record<string, string> = {
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  AccountDisabled: "This account is disabled. Ask a platform admin.",
  EmailUnverified: "Your identity provider has not verified your email address, so Tessera cannot sign you in.",
  SsoProfile: "Your identity provider did not send an email address. Ask your admin to release the email claim to Tessera.",
  AccessDenied: "Sign-in was refused.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  OAuthSignin: "Single sign-on could not start. Try again.",
  Callback: "Single sign-on did not complete. Try again.",
  SessionRequired: "Sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const code = Array.isArray(sp.error) ? sp.error[0] : sp.error;
  const error = code ? (ERRORS[code] ?? "Sign-in failed. Try again.") : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Tessera</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">The data product catalog of your company.</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <SignInForm callbackUrl={callbackUrl} sso={ssoProvider()} initialError={error} />
        </div>
      </div>
    </main>
  );
}
