"use server";
import { action } from "@/app/_lib/action";
import { createOwnAccessKey, deleteOwnAccessKey, setOwnAccessKeyStatus } from "@/lib/access-keys/access-keys";

const paths = ["/account/access-keys"];

// A principal's own keys, whichever account it is switched into at the moment.
export const createOwnAccessKeyAction = action(createOwnAccessKey, {
  whenRoleEnded: "run",
  revalidate: paths,
  success: ({ accessKeyId }, t) => t("accessKeys.toast.created", { id: accessKeyId }),
  reveal: ({ accessKeyId, secret }) => ({ accessKeyId, secret }),
});

export const setOwnAccessKeyStatusAction = action(setOwnAccessKeyStatus, {
  whenRoleEnded: "run",
  revalidate: paths,
  success: ({ accessKeyId, status }, t) => t(status === "active" ? "accessKeys.toast.activated" : "accessKeys.toast.deactivated", { id: accessKeyId }),
});

export const deleteOwnAccessKeyAction = action(deleteOwnAccessKey, {
  whenRoleEnded: "run",
  revalidate: paths,
  success: ({ accessKeyId }, t) => t("accessKeys.toast.deleted", { id: accessKeyId }),
});
