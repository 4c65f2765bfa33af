import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { ALL_OPERATIONS } from "@/lib/server/http/operations";
import { call } from "./api-helpers";

/** app/api/v1/**\/route.ts -> [method, OpenAPI path] for every exported handler. */
function routeHandlers(): { file: string; method: string; path: string }[] {
  const root = path.join(process.cwd(), "app/api/v1");
  const out: { file: string; method: string; path: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const rel = path.relative(root, d).split(path.sep).filter(Boolean);
        const apiPath = "/api/v1" + rel.map((s) => "/" + s.replace(/^\[(.+)\]$/, "{$1}")).join("");
        const text = fs.readFileSync(p, "utf8");
        for (const m of text.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) out.push({ file: path.relative(process.cwd(), p), method: m[1], path: apiPath });
        for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) for (const x of m[1].matchAll(/as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) out.push({ file: path.relative(process.cwd(), p), method: x[1], path: apiPath });
      }
    }
  };
  walk(root);
  return out;
}

describe("OpenAPI document", () => {
  it("is served publicly as OpenAPI 3.1 JSON", async () => {
    const r = await call(openapi.GET, {});
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
    expect(r.json.components.schemas.Error).toBeDefined();
    expect(r.json.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents every route handler under app/api/v1 (and nothing that does not exist)", async () => {
    const handlers = routeHandlers();
    const documented = new Set(ALL_OPERATIONS.map((o) => `${o.method} ${o.path}`));
    expect(handlers.filter((h) => !documented.has(`${h.method} ${h.path}`)).map((h) => `${h.method} ${h.path} (${h.file})`), "add the operation to lib/server/http/operations/index.ts").toEqual([]);
    const real = new Set(handlers.map((h) => `${h.method} ${h.path}`));
    expect([...documented].filter((d) => !real.has(d))).toEqual([]);
  });

  it("describes each operation completely: parameters for every path variable, bodies, errors, security", async () => {
    const doc = (await call(openapi.GET, {})).json;
    const ids = new Set<string>();
    for (const [p, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
        ids.add(op.operationId);
        for (const v of p.matchAll(/\{(\w+)\}/g)) expect(op.parameters.some((x: any) => x.in === "path" && x.name === v[1]), `${method} ${p}: path parameter ${v[1]}`).toBe(true);
        expect(op.responses["500"]).toBeDefined();
        if (["post", "put", "patch"].includes(method) && op.requestBody) {
          // Batches of OpenLineage events are a bare JSON array, as OpenLineage tooling sends them.
          expect(op.requestBody.content["application/json"].schema.type).toBe(op.operationId === "ingestLineageBatch" ? "array" : "object");
          expect(op.responses["413"]).toBeDefined();
        }
        if (op.security.length) expect(op.responses["401"]).toBeDefined();
        expect(JSON.stringify(op)).not.toContain('"$schema"');
      }
    }
    // The zod constraints reach the document: the token scopes enum, the team slug pattern.
    const createToken = doc.paths["/api/v1/teams/{slug}/tokens"].post;
    expect(createToken.requestBody.content["application/json"].schema.properties.scopes.items.enum).toEqual(["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"]);
    expect(doc.paths["/api/v1/teams/{slug}"].get.parameters[0].schema.pattern).toBeDefined();
  });
});
