/** Regions and enterprise projects: the dimensions a grant's scope and a resource's placement use. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enterpriseProjects, regions } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { id } from "@/lib/validation";

export function listRegions(db: Db) {
  return db.select().from(regions).orderBy(asc(regions.id));
}

/** The acting account's enterprise projects; needed by every form that places a resource. */
export function listEnterpriseProjects(db: Db, caller: Caller) {
  return db
    .select({ id: enterpriseProjects.id, name: enterpriseProjects.name })
    .from(enterpriseProjects)
    .where(eq(enterpriseProjects.accountId, caller.accountId))
    .orderBy(asc(enterpriseProjects.name));
}

export async function checkPlacement(db: Db, caller: Caller, regionId: string, enterpriseProjectId: string) {
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (region === undefined) throw new DomainError("region.unknown", { field: "regionId" });
  const [project] = await db
    .select()
    .from(enterpriseProjects)
    .where(and(eq(enterpriseProjects.id, enterpriseProjectId), eq(enterpriseProjects.accountId, caller.accountId)));
  if (project === undefined) throw new DomainError("project.unknown", { field: "enterpriseProjectId" });
  return { region, project };
}

/** Checks that scope values name this catalogue's regions or the acting account's enterprise projects. */
export async function resolveScopeValues(db: Db, caller: Caller, kind: string, regionIds: string[], projectIds: string[]) {
  if (kind === "regions") {
    const found = await db.select({ id: regions.id }).from(regions).where(inArray(regions.id, regionIds));
    if (found.length !== new Set(regionIds).size) throw new DomainError("scope.unknown_region", { field: "regions" });
    return [...new Set(regionIds)];
  }
  if (kind === "projects") {
    const valid = projectIds.filter((p) => id("project").safeParse(p).success);
    const found =
      valid.length === 0
        ? []
        : await db
            .select({ id: enterpriseProjects.id })
            .from(enterpriseProjects)
            .where(and(inArray(enterpriseProjects.id, valid), eq(enterpriseProjects.accountId, caller.accountId)));
    if (found.length !== new Set(projectIds).size) throw new DomainError("scope.unknown_project", { field: "projects" });
    return [...new Set(projectIds)];
  }
  return [];
}
