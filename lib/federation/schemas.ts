import { z } from "zod";
import { phrase, term } from "@/lib/i18n/message";
import { description, hasControlCharacters, id, requiredText } from "@/lib/validation";
import { type ConversionRule, parseConversionRules } from "./rules";

export const providerName = requiredText("providerName", 64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, phrase("validation.federation.nameCharacters"));

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Issuers on this machine (a test provider, a local Keycloak; plain http allowed) only where the
 * operator turned them on: otherwise any tenant's administrator could aim the server at its own ports.
 * Read on every use, not cached, so tests can turn it on for themselves.
 */
export const loopbackIssuersAllowed = () => process.env.MANDATE_LOOPBACK_ISSUERS === "on";

export const isLoopback = (url: URL) => LOOPBACK.has(url.hostname) || url.hostname === "0.0.0.0" || /^127\./.test(url.hostname);

/** An issuer is where tokens come from and what they must name: an absolute https URL, without credentials, query or fragment. */
export const issuer = requiredText("issuer", 512).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: phrase("validation.federation.issuerUrl") });
    return;
  }
  const local = isLoopback(url);
  const secure = local ? loopbackIssuersAllowed() && (url.protocol === "https:" || url.protocol === "http:") : url.protocol === "https:";
  if (!secure) ctx.addIssue({ code: "custom", message: phrase(local ? "validation.federation.issuerLoopback" : "validation.federation.issuerHttps") });
  else if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "")
    ctx.addIssue({ code: "custom", message: phrase("validation.federation.issuerParts") });
});

export const clientId = requiredText("clientId", 255);

const clientSecretText = z
  .string({ error: phrase("validation.notText", { field: term("validation.fields.clientSecret") }) })
  .max(512, { error: phrase("validation.tooLong", { field: term("validation.fields.clientSecret"), max: 512 }) })
  .refine((v) => !hasControlCharacters(v), phrase("validation.controlCharacters", { field: term("validation.fields.clientSecret") }));

/** Space-separated scope tokens (RFC 6749 §3.3), always with `openid`. */
export const scopes = requiredText("scopes", 512)
  .transform((v) => [...new Set(v.split(/\s+/).filter((s) => s !== ""))])
  .refine((list) => list.every((s) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s)), phrase("validation.federation.scopeCharacters"))
  .refine((list) => list.length <= 20, phrase("validation.federation.tooManyScopes", { max: 20 }))
  .refine((list) => list.includes("openid"), phrase("validation.federation.openidScope"))
  .transform((list) => list.join(" "));

/** The rules' text, parsed (a message says where it is wrong), with the JSON as written, which is what is stored. */
export const conversionRules = z
  .string({ error: phrase("validation.required", { field: term("validation.fields.conversionRules") }) })
  .transform((text, ctx): { document: unknown; rules: ConversionRule[] } => {
    const parsed = parseConversionRules(text);
    if (parsed.ok) return { document: JSON.parse(text), rules: parsed.rules };
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });

export const createProviderInput = z.object({
  name: providerName,
  description,
  issuer,
  clientId,
  clientSecret: clientSecretText.refine((v) => v.trim() !== "", phrase("validation.required", { field: term("validation.fields.clientSecret") })),
  scopes,
  rules: conversionRules,
});

/** Editing keeps the name; an empty secret keeps the one stored. */
export const updateProviderInput = createProviderInput.omit({ name: true }).extend({ providerId: id("identityProvider"), clientSecret: clientSecretText });

export const providerIdInput = z.object({ providerId: id("identityProvider") });
export const providerEnabledInput = providerIdInput.extend({ enabled: z.enum(["yes", "no"], { error: phrase("validation.federation.enabled") }) });
