"use client";
import { useCallback, useRef, useState } from "react";

export type DrawNode = { id: string; key: string; label: string; tier: string; status: string; atRisk: boolean; root: boolean; kind: "product" | "source"; x: number; y: number };
export type DrawEdge = { from: string; to: string; kind: string };

const NODE_W = 200;
const NODE_H = 40;
const FILL: Record<string, string> = { GREEN: "#047857", AMBER: "#b45309", RED: "#b91c1c", UNKNOWN: "#52525b" };
const DASH: Record<string, string | undefined> = { HARD: undefined, SOFT: "8 5", CONTROL: "2 4", TRUTH: "10 4 2 4" };

/** Interactive dependency graph: drag or arrow keys to pan, wheel or +/- to zoom, 0 to reset; nodes are links. */
export function DependencyGraph({ nodes, edges, width, height }: { nodes: DrawNode[]; edges: DrawEdge[]; width: number; height: number }) {
  const [view, setView] = useState({ x: -20, y: -20, k: 1 });
  const drag = useRef<{ px: number; py: number } | null>(null);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const vw = 960;
  const vh = Math.min(640, Math.max(240, height + 40));
  const zoom = useCallback((f: number) => setView((v) => ({ ...v, k: Math.min(4, Math.max(0.2, v.k * f)) })), []);
  const pan = useCallback((dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx / v.k, y: v.y + dy / v.k })), []);
  const onKey = (e: React.KeyboardEvent) => {
    const step = 60;
    const keys: Record<string, () => void> = {
      "+": () => zoom(1.25), "=": () => zoom(1.25), "-": () => zoom(0.8),
      ArrowLeft: () => pan(-step, 0), ArrowRight: () => pan(step, 0), ArrowUp: () => pan(0, -step), ArrowDown: () => pan(0, step),
      "0": () => setView({ x: -20, y: -20, k: 1 }),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]!();
    }
  };
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-600" onClick={() => zoom(1.25)} aria-label="Zoom in">+</button>
        <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-600" onClick={() => zoom(0.8)} aria-label="Zoom out">−</button>
        <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-600" onClick={() => setView({ x: -20, y: -20, k: 1 })}>Reset view</button>
        <span className="text-zinc-600 dark:text-zinc-400">Focus the graph, then use the arrow keys to pan and + / − to zoom. Tab moves between products.</span>
      </div>
      <svg
        role="group"
        aria-label={`Dependency graph: ${nodes.length} nodes, ${edges.length} edges, upstreams on the left`}
        tabIndex={0}
        onKeyDown={onKey}
        viewBox={`${view.x} ${view.y} ${vw / view.k} ${vh / view.k}`}
        className="h-[32rem] w-full touch-none rounded-lg border border-zinc-200 bg-zinc-50 focus:outline-2 focus:outline-indigo-600 dark:border-zinc-700 dark:bg-zinc-950"
        onWheel={(e) => zoom(e.deltaY < 0 ? 1.1 : 0.9)}
        onPointerDown={(e) => {
          if ((e.target as Element).closest("a")) return;
          drag.current = { px: e.clientX, py: e.clientY };
          (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (!drag.current) return;
          const rect = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
          const scale = vw / view.k / rect.width;
          pan(-(e.clientX - drag.current.px) * scale * view.k, -(e.clientY - drag.current.py) * scale * view.k);
          drag.current = { px: e.clientX, py: e.clientY };
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#71717a" />
          </marker>
        </defs>
        {edges.map((e, i) => {
          const a = byId.get(e.from);
          const b = byId.get(e.to);
          if (!a || !b) return null;
          const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2;
          const mx = (x1 + x2) / 2;
          return (
            <path key={i} d={`M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}`} fill="none" stroke="#71717a" strokeWidth={e.kind === "HARD" ? 2 : 1.25} strokeDasharray={DASH[e.kind]} markerEnd="url(#arrow)">
              <title>{`${a.key} → ${b.key} (${e.kind})`}</title>
            </path>
          );
        })}
        {nodes.map((n) => {
          const body = (
            <>
              <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={6} fill="white" stroke={n.root ? "#4338ca" : "#a1a1aa"} strokeWidth={n.root ? 2.5 : 1} />
              <rect x={n.x} y={n.y} width={8} height={NODE_H} rx={3} fill={n.kind === "source" ? "#a1a1aa" : FILL[n.status] ?? FILL.UNKNOWN} />
              <text x={n.x + 14} y={n.y + 16} fontSize={12} fill="#18181b">{n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label}</text>
              <text x={n.x + 14} y={n.y + 31} fontSize={10} fill="#3f3f46">{n.kind === "source" ? "source system" : `${n.tier} · ${n.status}${n.atRisk ? " · AT RISK" : ""}`}</text>
            </>
          );
          return n.kind === "product" ? (
            <a key={n.id} href={`/products/${encodeURIComponent(n.key)}/dependencies`} aria-label={`${n.key}, ${n.tier}, status ${n.status}${n.atRisk ? ", at risk" : ""}`}>{body}</a>
          ) : (
            <g key={n.id} aria-label={`source system ${n.key}`}>{body}</g>
          );
        })}
      </svg>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Edges: <b>HARD</b> solid, <b>SOFT</b> dashed, <b>CONTROL</b> dotted, <b>TRUTH</b> dash-dot. The bar on each node is its SLO status; the selected product has a blue border.
      </p>
    </div>
  );
}
