import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">The page or resource does not exist, or it belongs to another account.</p>
      <Link href="/" className="mt-4 inline-block text-blue-700 hover:underline">
        Back to the console
      </Link>
    </main>
  );
}
