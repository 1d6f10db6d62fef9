"use client";
import { useQuery } from "@tanstack/react-query";
import { useDebounced } from "@/components/use-debounced";

/** The query key of a server search, without what is typed: invalidating it refreshes every search of that endpoint and these parameters. */
export const serverSearchKey = (path: string, params: Record<string, string>) => [path, params] as const;

/**
 * Search as you type against one of the console's JSON endpoints: what is typed is debounced, the
 * previous answer stays on screen while the next loads, and a refusal carries the server's words
 * (`failed` when it gave none).
 */
export function useServerSearch<T>(path: string, params: Record<string, string>, typed: string, options: { enabled?: boolean; failed: string }) {
  const q = useDebounced(typed.trim(), 200);
  const found = useQuery({
    queryKey: [...serverSearchKey(path, params), q],
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const response = await fetch(`${path}?${new URLSearchParams({ ...params, q })}`);
      const body = (await response.json()) as T & { error?: string };
      if (!response.ok) throw new Error(body.error ?? options.failed);
      return body;
    },
  });
  return { q, found };
}
