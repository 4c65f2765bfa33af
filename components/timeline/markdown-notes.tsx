import { renderMarkdown } from "@/lib/domain/markdown";

/** Migration notes: Markdown through the escaping renderer (lib/domain/markdown.ts), so raw HTML never reaches the page. */
export function MarkdownNotes({ source }: { source: string }) {
  if (!source.trim()) return null;
  return <div className="prose-notes space-y-2 text-sm [&_a]:text-indigo-700 [&_a]:underline dark:[&_a]:text-indigo-300 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 dark:[&_code]:bg-zinc-800 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
