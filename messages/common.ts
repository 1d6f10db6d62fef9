/**
 * Only the shared words, for the one screen that has no provider to get the reader's catalogue
 * from (app/global-error.tsx): loading every catalogue there would put them all in the page's scripts.
 */
import en from "./en/common.json";
import zhCN from "./zh-CN/common.json";

export const commonCatalogues = { en: { common: en }, "zh-CN": { common: zhCN } } as const;
