"use server";
import { action } from "@/app/_lib/action";
import { createBucket, deleteBucket } from "@/lib/resources/obs";

const paths = ["/resources/obs"];

export const createBucketAction = action(createBucket, {
  revalidate: paths,
  success: (bucket, t) => t("resources.toast.bucketCreated", { name: bucket.name }),
});

export const deleteBucketAction = action(deleteBucket, { revalidate: paths, success: (_r, t) => t("resources.toast.bucketDeleted") });
