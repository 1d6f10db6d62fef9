import { NextResponse, type NextRequest } from "next/server";

/**
 * A fresh nonce and Content Security Policy for every page: only scripts carrying the nonce (and
 * what they load) run, and no other site may frame the console.
 */
export function proxy(request: NextRequest) {
  // Alibaba Cloud's SDKs post their RPC calls to `/` (V2 signatures name the action in the query); a server
  // action posting there carries Next's own header.
  const rpc = request.headers.has("x-acs-action") || request.nextUrl.searchParams.has("Action");
  if (request.method === "POST" && request.nextUrl.pathname === "/" && rpc && !request.headers.has("next-action")) {
    return NextResponse.rewrite(new URL(`/api/acs${request.nextUrl.search}`, request.url));
  }
  // Huawei Cloud's API paths carry no page: only a path that cannot be decoded is answered here, in its shape.
  if (/^\/(v1|v3|v3\.0)\//.test(request.nextUrl.pathname)) {
    try {
      decodeURIComponent(request.nextUrl.pathname);
      return NextResponse.next();
    } catch {
      return NextResponse.json({ error_code: "IAM.0011", error_msg: "The path is not valid percent-encoded UTF-8." }, { status: 400 });
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Every API request, prefetch headers or not (see above).
    "/(v1|v3|v3\\.0)/:path*",
    {
      source: "/((?!api|_next/static|_next/image|favicon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
