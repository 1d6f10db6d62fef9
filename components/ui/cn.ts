import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** Class names where a later Tailwind class wins over an earlier one of the same kind (`text-red-700` over `text-slate-800`). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
