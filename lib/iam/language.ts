/** The console language a principal chose: kept with its user (or, for root, its account) so it follows it to any browser. */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { accounts, users } from "@/db/schema";
import { command } from "@/lib/authz/command";
import { ownAccountCaller } from "@/lib/caller";
import { languages } from "@/lib/i18n/languages";

export const languageInput = z.object({ language: z.enum(languages, { error: "errors.language.unknown" }) });

/** Saves the signed-in principal's language; choosing the one already saved writes nothing. */
export const setOwnLanguage = command({
  action: "iam:users:setLanguage",
  input: languageInput,
  async run({ caller, own }, input): Promise<void> {
    const principal = ownAccountCaller(caller);
    const target = principal.userName === null ? `account ${principal.accountName}` : `user ${principal.userName}`;
    const changed = (column: typeof users.language | typeof accounts.language) => sql`${column} is distinct from ${input.language}`;
    await own({ target, detail: { language: input.language } }, async (tx) => {
      const [row] =
        principal.userId === null
          ? await tx
              .update(accounts)
              .set({ language: input.language })
              .where(and(eq(accounts.id, principal.accountId), changed(accounts.language)))
              .returning({ id: accounts.id })
          : await tx
              .update(users)
              .set({ language: input.language })
              .where(and(eq(users.id, principal.userId), eq(users.accountId, principal.accountId), changed(users.language)))
              .returning({ id: users.id });
      return row === undefined ? { value: undefined, unchanged: true } : { value: undefined };
    });
  },
});
