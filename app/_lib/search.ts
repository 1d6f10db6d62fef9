import "server-only";
import { inReadersWords } from "@/app/_lib/i18n/translate";
import { searchParam } from "@/lib/keyset";

type Params = Record<string, string | string[] | undefined>;

/**
 * A list page's query with its search box checked as the domain checks it: a search the domain
 * would refuse (control characters, too long) is shown at the field in the reader's words, and the
 * list reads without it.
 */
export async function checkedSearch(params: Params): Promise<{ query: Params; searchError: string | undefined }> {
  const search = searchParam.safeParse(params.q);
  if (search.success) return { query: params, searchError: undefined };
  return { query: { ...params, q: "" }, searchError: await inReadersWords(search.error.issues[0]?.message ?? "") };
}
