"use client";
import { Pin, PinOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { FormAction } from "@/components/action-state";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { roleColourSwatch } from "@/components/role-colour";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input } from "@/components/ui/field";
import { useActionForm } from "@/components/use-action-form";
import type { RoleColour } from "@/db/schema";

export interface RoleRef {
  accountName: string;
  agencyName: string;
}

export interface Favourite extends RoleRef {
  displayName: string;
  colour: RoleColour;
  /** Whether the role can be switched to now (the principal's policies allow it and the agency is usable). */
  allowed: boolean;
}

const roleKey = (r: RoleRef) => `${r.agencyName}@${r.accountName}`;
const colours = Object.keys(roleColourSwatch) as RoleColour[];
const pinToggleId = (r: RoleRef) => `pin-${encodeURIComponent(roleKey(r))}`;

// After a row's own control is gone, focus goes to where the person can carry on: the role's pin button, or the dialog.
function focusAfter(role: RoleRef) {
  setTimeout(() => {
    const target = document.getElementById(pinToggleId(role)) ?? document.querySelector<HTMLElement>("[role=dialog]");
    target?.focus();
  }, 0);
}

function RoleFields({ role }: { role: RoleRef }) {
  return (
    <>
      <input type="hidden" name="accountName" value={role.accountName} />
      <input type="hidden" name="agencyName" value={role.agencyName} />
    </>
  );
}

export function ColourDot({ colour }: { colour: RoleColour }) {
  return <span aria-hidden="true" className={cn("inline-block size-3 shrink-0 rounded-full", roleColourSwatch[colour])} />;
}

/** Pinned roles: one click switches; one that cannot be switched to now stays listed, disabled, until unpinned. */
export function FavouriteRoles({
  favourites,
  switchAction,
  unpinRole,
}: {
  favourites: Favourite[];
  switchAction: (data: FormData) => void;
  unpinRole: FormAction;
}) {
  const t = useTranslations("roles");
  const unpin = useActionForm(
    async (previous, data) => {
      const result = await unpinRole(previous, data);
      if (result?.ok) focusAfter({ accountName: String(data.get("accountName")), agencyName: String(data.get("agencyName")) });
      return result;
    },
    { toast: true },
  );
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("favourites.title")}</h3>
      <ul aria-label={t("favourites.title")} className="space-y-1">
        {favourites.map((f) => (
          <li key={roleKey(f)} className="flex items-center gap-1">
            <form action={switchAction} className="min-w-0 flex-1">
              <RoleFields role={f} />
              <button
                type="submit"
                disabled={!f.allowed}
                aria-label={t("favourites.switchTo", { name: f.displayName, role: roleKey(f) })}
                className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400"
              >
                <ColourDot colour={f.colour} />
                <span className="truncate font-medium">{f.displayName}</span>
                <span className="truncate text-xs text-slate-500">{f.allowed ? roleKey(f) : t("favourites.notAvailable")}</span>
              </button>
            </form>
            <form action={unpin.formAction}>
              <RoleFields role={f} />
              <button
                type="submit"
                aria-label={t("favourites.unpinLabel", { name: f.displayName })}
                title={t("favourites.unpin")}
                className="rounded p-2 text-slate-500 hover:bg-slate-100"
              >
                <PinOff aria-hidden="true" className="size-4" />
              </button>
            </form>
          </li>
        ))}
      </ul>
      {unpin.refusal && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {unpin.refusal}
        </p>
      )}
    </div>
  );
}

/** Pin or edit one role: its own answer, so one role's message or typed name never shows on another's form. */
function PinForm({ role, favourite, pinRole, onDone }: { role: RoleRef; favourite: Favourite | undefined; pinRole: FormAction; onDone: () => void }) {
  const t = useTranslations("roles");
  const common = useTranslations("common");
  const id = useId();
  const pin = useActionForm(
    async (previous, data) => {
      const result = await pinRole(previous, data);
      if (result?.ok) {
        onDone();
        focusAfter(role);
      }
      return result;
    },
    { toast: true },
  );
  const nameId = `${id}-displayName`;
  // A refused name gets the focus, so its message is read and it can be corrected at once.
  useEffect(() => {
    if (pin.state !== null && !pin.state.ok && pin.state.fieldErrors.displayName) document.getElementById(nameId)?.focus();
  }, [pin.state, nameId]);
  return (
    <form
      action={pin.formAction}
      onChange={pin.onEdit}
      aria-label={t("recent.pinLabel", { role: roleKey(role) })}
      className="mt-1 space-y-2 rounded border border-slate-200 p-2"
    >
      <RoleFields role={role} />
      <Field label={t("pin.displayName")} name="displayName" id={nameId} errors={pin.errors("displayName")} required>
        {(p) => <Input {...p} autoFocus defaultValue={pin.value("displayName") ?? favourite?.displayName ?? roleKey(role)} maxLength={64} />}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("pin.colour")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {colours.map((c) => (
            <label key={c} className="flex items-center gap-1 py-1 text-sm">
              <input type="radio" name="colour" value={c} defaultChecked={c === (pin.value("colour") ?? favourite?.colour ?? "blue")} />
              <ColourDot colour={c} />
              {t(`pin.colours.${c}`)}
            </label>
          ))}
        </div>
        {pin.errors("colour") && <p className="text-sm text-red-700">{pin.errors("colour")!.join(" ")}</p>}
      </fieldset>
      <FormMessage state={pin.state} />
      <div className="flex gap-2">
        <SubmitButton>{favourite ? common("save") : t("pin.pin")}</SubmitButton>
        <Button
          variant="secondary"
          onClick={() => {
            onDone();
            focusAfter(role);
          }}
        >
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** Recent roles: one click switches; each can be pinned as a favourite with a name and a colour. */
export function RecentRoles({
  recent,
  favourites,
  switchAction,
  pinRole,
}: {
  recent: RoleRef[];
  favourites: Favourite[];
  switchAction: (data: FormData) => void;
  pinRole: FormAction;
}) {
  const t = useTranslations("roles");
  const [openKey, setOpenKey] = useState<string | null>(null);
  const formIdPrefix = useId();
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("recent.title")}</h3>
      <ul aria-label={t("recent.title")} className="space-y-1">
        {recent.map((role, index) => {
          const key = roleKey(role);
          const favourite = favourites.find((f) => roleKey(f) === key);
          const formId = `${formIdPrefix}-pin-${index}`;
          return (
            <li key={key}>
              <div className="flex items-center gap-1">
                <form action={switchAction} className="min-w-0 flex-1">
                  <RoleFields role={role} />
                  <button type="submit" className="w-full truncate rounded px-2 py-1.5 text-left text-sm text-blue-700 hover:bg-slate-100">
                    {key}
                  </button>
                </form>
                <button
                  type="button"
                  id={pinToggleId(role)}
                  aria-expanded={openKey === key}
                  aria-controls={openKey === key ? formId : undefined}
                  aria-label={favourite ? t("recent.editFavouriteLabel", { name: favourite.displayName }) : t("recent.pinLabel", { role: key })}
                  title={favourite ? t("recent.editFavourite") : t("recent.pinAsFavourite")}
                  onClick={() => setOpenKey(openKey === key ? null : key)}
                  className={cn("rounded p-2 hover:bg-slate-100", favourite ? "text-blue-700" : "text-slate-500")}
                >
                  <Pin aria-hidden="true" className="size-4" />
                </button>
              </div>
              {openKey === key && (
                <div id={formId}>
                  <PinForm role={role} favourite={favourite} pinRole={pinRole} onDone={() => setOpenKey(null)} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
