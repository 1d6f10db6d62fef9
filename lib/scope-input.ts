import { z } from "zod";
import { phrase } from "@/lib/i18n/message";
import { scopeKinds } from "@/lib/scope";
import { hasControlCharacters, listOf } from "@/lib/validation";

const fromList = (message: string) =>
  z
    .string()
    .max(128, message)
    .refine((v) => !hasControlCharacters(v), message);

/** The form fields of an authorization scope, shared by group grants and agency permissions. */
export const scopeShape = {
  scopeKind: z.enum(scopeKinds, { error: phrase("validation.scopeChoice.select") }),
  // Values come from a list; anything else (a NUL byte would reach the database) is refused here.
  regions: listOf(fromList(phrase("validation.scopeChoice.regionsFromList"))),
  projects: listOf(fromList(phrase("validation.scopeChoice.projectsFromList"))),
};

export function checkScope(v: { scopeKind: string; regions: string[]; projects: string[] }, ctx: z.RefinementCtx) {
  if (v.scopeKind === "regions" && v.regions.length === 0) {
    ctx.addIssue({ code: "custom", path: ["regions"], message: phrase("validation.scopeChoice.atLeastOneRegion") });
  }
  if (v.scopeKind === "projects" && v.projects.length === 0) {
    ctx.addIssue({ code: "custom", path: ["projects"], message: phrase("validation.scopeChoice.atLeastOneProject") });
  }
}
