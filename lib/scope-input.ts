import { z } from "zod";
import { scopeKinds } from "@/lib/scope";
import { listOf } from "@/lib/validation";

/** The form fields of an authorization scope, shared by group grants and agency permissions. */
export const scopeShape = {
  scopeKind: z.enum(scopeKinds, { error: "Select a scope." }),
  regions: listOf(z.string()),
  projects: listOf(z.string()),
};

export function checkScope(v: { scopeKind: string; regions: string[]; projects: string[] }, ctx: z.RefinementCtx) {
  if (v.scopeKind === "regions" && v.regions.length === 0) {
    ctx.addIssue({ code: "custom", path: ["regions"], message: "Select at least one region." });
  }
  if (v.scopeKind === "projects" && v.projects.length === 0) {
    ctx.addIssue({ code: "custom", path: ["projects"], message: "Select at least one enterprise project." });
  }
}
