"use client";
import { useEffect, useState } from "react";

/** `value` once it has stopped changing for `ms`: what a search as you type asks the server for. */
export function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
