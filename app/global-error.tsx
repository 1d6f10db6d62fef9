"use client";
import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

/** Replaces the root layout when that layout itself fails, so it brings its own document. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Mandate</title>
        <main className="mx-auto max-w-2xl p-8">
          <ErrorNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
