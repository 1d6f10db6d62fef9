"use server";
import { action } from "@/app/_lib/action";
import { createUserAccessKey, deleteUserAccessKey, setUserAccessKeyStatus } from "@/lib/access-keys/access-keys";

const paths = ["/iam/users"];

// lib names the owner "user <name>" (ownerOf): the name alone goes into the sentence.
const userName = (owner: string) => owner.replace(/^user /, "");

export const createUserAccessKeyAction = action(createUserAccessKey, {
  revalidate: paths,
  success: ({ accessKeyId, owner }, t) => t("accessKeys.toast.createdForUser", { id: accessKeyId, name: userName(owner) }),
  reveal: ({ accessKeyId, secret }) => ({ accessKeyId, secret }),
});

export const setUserAccessKeyStatusAction = action(setUserAccessKeyStatus, {
  revalidate: paths,
  success: ({ accessKeyId, status }, t) => t(status === "active" ? "accessKeys.toast.activated" : "accessKeys.toast.deactivated", { id: accessKeyId }),
});

export const deleteUserAccessKeyAction = action(deleteUserAccessKey, {
  revalidate: paths,
  success: ({ accessKeyId }, t) => t("accessKeys.toast.deleted", { id: accessKeyId }),
});
