"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { FormSizeGuard } from "@/components/form-size-guard";
import { Toasts } from "@/components/toasts";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <FormSizeGuard />
      <Toasts />
      {children}
    </QueryClientProvider>
  );
}
