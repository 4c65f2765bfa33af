// Calls a server action directly, the way an attacker with a session would: by its action id (read
// here from the build's server-reference-manifest; a browser sees the same ids in the client JS)
// and React's wire format, bypassing every form and every hidden control.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

function actionId(file: string, exportedName: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`no server action ${exportedName} in ${file} (build ${dist})`);
  return hit[0];
}

/**
 * React's reply encoding of (prevState = null, formData): the form's fields under the "_1_" prefix,
 * then the root "0" LAST (the server decodes as the stream arrives: fields after it would be lost).
 */
function replyForm(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(`_1_${k}`, v);
  f.append("0", '[null,"$K1"]');
  return f;
}

/**
 * POSTs to `pagePath` with the action id. `form`: a (prevState, FormData) action; `args`: an action
 * taking plain arguments. Returns the status and the RSC payload text (which holds the result).
 */
export async function callServerAction(
  request: APIRequestContext,
  baseURL: string,
  opts: { file: string; name: string; pagePath: string; form?: Record<string, string>; args?: unknown[] },
): Promise<{ status: number; body: string }> {
  const headers = { "next-action": actionId(opts.file, opts.name), accept: "text/x-component", origin: baseURL };
  const res = opts.form
    ? await request.post(opts.pagePath, {
        headers,
        multipart: replyForm(opts.form),
      })
    : await request.post(opts.pagePath, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: JSON.stringify(opts.args ?? []) });
  return { status: res.status(), body: await res.text() };
}
