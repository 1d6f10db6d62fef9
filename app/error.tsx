"use client";
import { ErrorNotice } from "@/components/error-notice";

/** An unexpected failure outside a console page (the sign-in page, or the console's own layout). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <ErrorNotice error={error} retry={retry} />
    </main>
  );
}
