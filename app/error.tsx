"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">The error was logged. If the database was restarting, trying again usually works.</p>
      <button onClick={reset} className="mt-4 rounded-lg bg-indigo-600 px-3 py-2 text-sm font-medium text-white">Try again</button>
    </main>
  );
}
