import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

/** A missing (or another account's) item inside the console: the console chrome stays, with a way back. */
export default function ConsoleNotFound() {
  return (
    <>
      <PageHeader title="Not found" description="The page or resource does not exist, or it belongs to another account." />
      <Link href="/" className="text-sm text-blue-700 hover:underline">
        Back to the console
      </Link>
    </>
  );
}
