/** Set by a change that moves to another page (app/_lib/action.ts), read once by components/toasts.tsx: the toast survives the navigation. */
export const FLASH_COOKIE = "mandate.flash";
