import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">There is nothing at this address. It may have been renamed or retired.</p>
      <Link href="/marketplace" className="mt-4 inline-block text-indigo-700 underline dark:text-indigo-300">Back to the marketplace</Link>
    </main>
  );
}
