import { expect, test } from "vitest";
import { clientAddress, requestAddress } from "./client-address";

test("with no trusted proxy the socket decides, whatever X-Forwarded-For claims", () => {
  for (const forged of [undefined, "203.0.113.9", "203.0.113.9, 10.0.0.1", ["1.1.1.1", "2.2.2.2"], "<script>"]) {
    expect(clientAddress({ forwardedFor: forged, socketAddress: "192.0.2.44", trustedProxies: 0 })).toBe("192.0.2.44");
  }
});

test("an IPv4 peer on a dual-stack socket reads as plain IPv4", () => {
  expect(clientAddress({ forwardedFor: undefined, socketAddress: "::ffff:127.0.0.1", trustedProxies: 0 })).toBe("127.0.0.1");
  expect(clientAddress({ forwardedFor: undefined, socketAddress: "::1", trustedProxies: 0 })).toBe("::1");
});

test("with trusted proxies, only the hops they appended count, counted from the right", () => {
  // client → proxy A (appends client) → proxy B (appends A) → console (socket = B)
  const forwardedFor = "6.6.6.6, 198.51.100.5, 10.0.0.2";
  expect(clientAddress({ forwardedFor, socketAddress: "10.0.0.3", trustedProxies: 1 })).toBe("10.0.0.2");
  expect(clientAddress({ forwardedFor, socketAddress: "10.0.0.3", trustedProxies: 2 })).toBe("198.51.100.5");
  expect(clientAddress({ forwardedFor: ["6.6.6.6", "198.51.100.5"], socketAddress: "10.0.0.3", trustedProxies: 1 })).toBe("198.51.100.5");
});

test("more trusted proxies than hops falls back to the leftmost hop; no socket is unknown", () => {
  expect(clientAddress({ forwardedFor: "198.51.100.5", socketAddress: "10.0.0.3", trustedProxies: 5 })).toBe("198.51.100.5");
  expect(clientAddress({ forwardedFor: "198.51.100.5", socketAddress: undefined, trustedProxies: 0 })).toBe("unknown");
});

test("a request under our server: a forged X-Forwarded-For changes nothing by default", () => {
  const headers = { "x-forwarded-for": "203.0.113.66", "x-mandate-remote-address": "127.0.0.1" };
  expect(requestAddress(headers, 0, true)).toBe("127.0.0.1");
  expect(requestAddress({ ...headers, "x-forwarded-for": "198.51.100.1, 203.0.113.67" }, 0, true)).toBe("127.0.0.1");
  // Outside our server the socket header may itself be forged: it is not believed.
  expect(requestAddress(headers, 0, false)).toBe("unknown");
});
