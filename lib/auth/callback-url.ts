import { hasControlCharacters } from "@/lib/control-characters";

/**
 * Where to go after signing in. The `callbackUrl` parameter comes from a link anyone can craft, so
 * it is resolved against the console's origin the way a browser would and kept only when it stays
 * there; anything else goes to the home page.
 */
const HOME = "/";

export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  if (value === null || value === undefined || value === "") return HOME;
  // Browsers drop tabs and newlines and read a backslash as a slash: refuse rather than guess.
  if (hasControlCharacters(value) || value.includes("\\")) return HOME;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return HOME;
  }
  if (target.origin !== base.origin || (target.protocol !== "http:" && target.protocol !== "https:")) return HOME;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path that itself begins with two slashes would be read as another host when navigated to.
  return path.startsWith("//") ? HOME : path;
}
