import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

const variants = {
  primary: "rounded px-3 py-1.5 bg-blue-600 text-white hover:bg-blue-700 disabled:bg-blue-300",
  secondary: "rounded px-3 py-1.5 border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "rounded px-3 py-1.5 bg-red-600 text-white hover:bg-red-700 disabled:bg-red-300",
  /** On the dark top bar. */
  onDark: "rounded px-3 py-1.5 border border-slate-500 bg-slate-800 text-white hover:bg-slate-700",
  link: "text-blue-700 underline-offset-2 hover:underline disabled:text-slate-400",
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = "primary", className?: string): string {
  return cn(
    "inline-flex items-center justify-center gap-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed",
    variants[variant],
    className,
  );
}

export function Button({ variant = "primary", className, type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
