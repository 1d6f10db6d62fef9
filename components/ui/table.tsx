import { useTranslations } from "next-intl";
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("bg-slate-50 px-3 py-2 text-left font-medium text-slate-600", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2 align-top text-slate-800", className)} {...props} />;
}

export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-6 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}

// The operations column stays in view while a wide table scrolls sideways on a phone.
const stickyEnd = "sticky right-0 shadow-[-1px_0_0_0_var(--color-slate-200)]";

export function OperationTh({ children }: { children?: ReactNode }) {
  const t = useTranslations("common");
  return <Th className={cn(stickyEnd, "bg-slate-50")}>{children ?? t("operation")}</Th>;
}

export function OperationTd({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <Td className={cn(stickyEnd, "whitespace-nowrap bg-white")}>
      <div className={cn("flex flex-wrap items-center gap-x-3 gap-y-1", className)}>{children}</div>
    </Td>
  );
}
