import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enterpriseProjects, obsBuckets } from "@/db/schema";
import { authorizer, type GuardedRequest, requireAllowed } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { checkPlacement } from "@/lib/catalogue";
import { DomainError } from "@/lib/errors";
import { mayCreateSomewhere } from "@/lib/resources/may-create";
import { bucketIdInput, createBucketInput } from "@/lib/resources/schemas";
import { isUniqueViolation } from "@/lib/validation";

export function bucketRequest(
  caller: Caller,
  operation: "list" | "create" | "delete",
  bucket: { name: string; regionId: string; enterpriseProjectId: string },
): GuardedRequest {
  return {
    action: `obs:buckets:${operation}`,
    resource: urn("obs", bucket.regionId, caller.accountId, "bucket", bucket.name),
    region: bucket.regionId,
    enterpriseProjectId: bucket.enterpriseProjectId,
    target: `OBS bucket ${bucket.name}`,
  };
}

export async function listBuckets(db: Db, caller: Caller) {
  const check = await authorizer(db, caller);
  await requireAllowed(
    db,
    caller,
    {
      action: "obs:buckets:list",
      resource: urn("obs", "*", caller.accountId, "bucket", "*"),
      anyScope: true,
      target: "OBS buckets",
    },
    check,
  );
  const rows = await db
    .select({ bucket: obsBuckets, projectName: enterpriseProjects.name })
    .from(obsBuckets)
    .innerJoin(enterpriseProjects, eq(enterpriseProjects.id, obsBuckets.enterpriseProjectId))
    .where(eq(obsBuckets.accountId, caller.accountId))
    .orderBy(asc(obsBuckets.name));
  return rows
    .filter((r) => check(bucketRequest(caller, "list", r.bucket)).allowed)
    .map((r) => ({ ...r.bucket, projectName: r.projectName, may: { delete: check(bucketRequest(caller, "delete", r.bucket)).allowed } }));
}

export const mayCreateBuckets = (db: Db, caller: Caller) => mayCreateSomewhere(db, caller, { action: "obs:buckets:create", service: "obs", type: "bucket" });

export const createBucket = command({
  action: "obs:buckets:create",
  input: createBucketInput,
  async run({ caller, change }, input) {
    return change(async (tx, guard) => {
      await checkPlacement(tx, caller, input.regionId, input.enterpriseProjectId);
      await guard({ ...bucketRequest(caller, "create", input), detail: { storageClass: input.storageClass } });
      try {
        const [created] = await tx
          .insert(obsBuckets)
          .values({ accountId: caller.accountId, ...input })
          .returning({ id: obsBuckets.id, name: obsBuckets.name });
        return created!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("bucket.name_taken", { field: "name" });
        throw error;
      }
    });
  },
});

export const deleteBucket = command({
  action: "obs:buckets:delete",
  input: bucketIdInput,
  async run({ caller, change }, { bucketId }): Promise<void> {
    await change(async (tx, guard) => {
      const [bucket] = await tx
        .select()
        .from(obsBuckets)
        .where(and(eq(obsBuckets.id, bucketId), eq(obsBuckets.accountId, caller.accountId)));
      if (bucket === undefined) throw new DomainError("resource.not_found");
      await guard(bucketRequest(caller, "delete", bucket));
      await tx.delete(obsBuckets).where(and(eq(obsBuckets.id, bucket.id), eq(obsBuckets.accountId, caller.accountId)));
    });
  },
});
