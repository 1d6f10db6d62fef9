"use server";
import { action } from "@/app/_lib/action";
import { createUserAccessKey, deleteUserAccessKey, setUserAccessKeyStatus } from "@/lib/access-keys/access-keys";

const paths = ["/iam/users"];

export const createUserAccessKeyAction = action(createUserAccessKey, {
  revalidate: paths,
  success: ({ accessKeyId, owner }) => `Access key ${accessKeyId} created for ${owner}. Save its secret now: it is not shown again.`,
  reveal: ({ accessKeyId, secret }) => ({ accessKeyId, secret }),
});

export const setUserAccessKeyStatusAction = action(setUserAccessKeyStatus, {
  revalidate: paths,
  success: ({ accessKeyId, status }) => `Access key ${accessKeyId} ${status === "active" ? "activated" : "deactivated"}.`,
});

export const deleteUserAccessKeyAction = action(deleteUserAccessKey, { revalidate: paths, success: ({ accessKeyId }) => `Access key ${accessKeyId} deleted.` });
