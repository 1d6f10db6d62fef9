/**
 * The client's address for throttling and the audit trail. Only the socket's address and the
 * hops added by proxies we were told to trust count: anything further left in X-Forwarded-For
 * was written by the client and is ignored.
 */

/** Set by scripts/server.mjs from the socket on every request, overwriting whatever the client sent. */
export const REMOTE_ADDRESS_HEADER = "x-mandate-remote-address";

export interface AddressSources {
  /** The X-Forwarded-For header as received (possibly repeated). */
  forwardedFor: string | string[] | undefined;
  /** The TCP peer, when the server could tell it; undefined under a plain `next start`/`next dev`. */
  socketAddress: string | undefined;
  /** How many proxies in front of the console append to X-Forwarded-For (MANDATE_TRUSTED_PROXIES). */
  trustedProxies: number;
}

const MAX_ADDRESS_LENGTH = 64;

function normalise(address: string): string {
  const trimmed = address.trim().slice(0, MAX_ADDRESS_LENGTH);
  // IPv4 peers of a dual-stack socket read as ::ffff:a.b.c.d.
  return trimmed.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1").toLowerCase();
}

export function clientAddress({ forwardedFor, socketAddress, trustedProxies }: AddressSources): string {
  if (socketAddress === undefined || socketAddress.trim() === "") return "unknown";
  if (trustedProxies === 0) return normalise(socketAddress);
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
  // Each trusted proxy appended the address it saw; the socket is the nearest proxy itself.
  const chain = [...hops, socketAddress];
  const index = chain.length - 1 - trustedProxies;
  return normalise(chain[Math.max(0, index)]!);
}

type HeaderBag = Record<string, unknown> | undefined;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const value = headers?.[name];
  return (Array.isArray(value) ? value.join(",") : value)?.toString();
}

/**
 * The address of a request as next-auth hands its headers over. The socket header counts only under
 * our own server (scripts/server.mjs sets MANDATE_OWN_SERVER), which overwrites it on every request;
 * under a plain `next start` a client could send it.
 */
export function requestAddress(headers: HeaderBag, trustedProxies: number, ownServer = process.env.MANDATE_OWN_SERVER === "1"): string {
  return clientAddress({
    forwardedFor: headerValue(headers, "x-forwarded-for"),
    socketAddress: ownServer ? headerValue(headers, REMOTE_ADDRESS_HEADER) : undefined,
    trustedProxies,
  });
}
