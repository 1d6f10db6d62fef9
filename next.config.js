import createNextIntlPlugin from "next-intl/plugin";

/** Headers every response carries (the per-request Content Security Policy is set in proxy.ts). */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs"],
  poweredByHeader: false,
  experimental: {
    // The largest real form (a 6,144-character policy) is far below this; the browser refuses
    // anything over FORM_BODY_LIMIT_BYTES (lib/form-size.ts) first, with a message at the field.
    serverActions: { bodySizeLimit: "256kb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// The request configuration picks the language and time zone (app/_lib/i18n/language.ts).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_lib/i18n/request.ts",
  experimental: { messages: { path: ["./messages/en", "./messages/zh-CN"], format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
