import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
      {/* A title may be one long token (an action code, a long name): it wraps anywhere rather than widen a phone's page. */}
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-slate-900 wrap-anywhere">{title}</h1>
        {description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </div>
  );
}

/** A headed section; `id` makes it a target of the page's own links, `actions` sit beside the heading. */
export function Panel({ title, id, actions, children }: { title?: string; id?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-label={title} className="scroll-mt-4 rounded border border-slate-200 bg-white p-4">
      {(title || actions) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
