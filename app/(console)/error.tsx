"use client";
import { ErrorNotice } from "@/components/error-notice";

/** An unexpected failure in a console page: the top bar and navigation stay, the page offers a retry. */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
