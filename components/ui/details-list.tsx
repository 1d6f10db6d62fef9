import type { ReactNode } from "react";

/** Label and value pairs of a detail page; identifiers in `monospace` are set in a fixed-width face. */
export function DetailsList({ items, monospace = [] }: { items: [string, ReactNode][]; monospace?: string[] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className={monospace.includes(label) ? "font-mono text-xs [overflow-wrap:anywhere]" : "[overflow-wrap:anywhere]"}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
