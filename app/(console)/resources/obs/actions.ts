"use server";
import { action } from "@/app/_lib/action";
import { createBucket, deleteBucket } from "@/lib/resources/obs";

const paths = ["/resources/obs"];

export const createBucketAction = action(createBucket, { revalidate: paths, success: (bucket) => `Bucket ${bucket.name} created.` });

export const deleteBucketAction = action(deleteBucket, { revalidate: paths, success: () => "Bucket deleted." });
