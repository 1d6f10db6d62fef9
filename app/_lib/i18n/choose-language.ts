"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { LANGUAGE_COOKIE } from "@/app/_lib/i18n/language";
import { resolveRequest } from "@/app/_lib/session";
import { getDb } from "@/db";
import { isLanguage } from "@/lib/i18n/languages";
import { setOwnLanguage } from "@/lib/iam/language";

/**
 * The language switcher's form, signed in or not: the browser keeps the choice in a cookie, and a
 * signed-in principal's choice is saved with it, so it follows it to other browsers.
 */
export async function chooseLanguage(formData: FormData): Promise<void> {
  // A hand-made request can send anything where the form sends FormData: anything else is ignored.
  const language = formData instanceof FormData ? formData.get("language") : null;
  if (!isLanguage(language)) return;
  const identity = await resolveRequest();
  if (identity !== null) await setOwnLanguage.execute(await getDb(), identity.caller, { language }, identity.loginId);
  (await cookies()).set(LANGUAGE_COOKIE, language, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  revalidatePath("/", "layout");
}
