"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { createBucket, deleteBucket } from "@/lib/resources/obs";
import { createBucketInput } from "@/lib/resources/schemas";

const paths = ["/resources/obs"];

export const createBucketAction = action(createBucketInput, (input, { db, caller }) => createBucket(db, caller, input), {
  revalidate: paths,
  success: (bucket) => `Bucket ${bucket.name} created.`,
});

export const deleteBucketAction = action(z.object({ bucketId: z.string() }), (input, { db, caller }) => deleteBucket(db, caller, input.bucketId), {
  revalidate: paths,
  success: () => "Bucket deleted.",
});
