"use client";
import { Pin, PinOff } from "lucide-react";
import { useState } from "react";
import type { ActionState, FormAction } from "@/components/action-state";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { roleColourNames, roleColourSwatch } from "@/components/role-colour";
import { Field, Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useActionForm } from "@/components/use-action-form";
import type { RoleColour } from "@/db/schema";

export interface RoleRef {
  accountName: string;
  agencyName: string;
}

export interface Favourite extends RoleRef {
  displayName: string;
  colour: RoleColour;
  allowed: boolean;
}

const roleKey = (r: RoleRef) => `${r.agencyName}@${r.accountName}`;
const colours = Object.keys(roleColourNames) as RoleColour[];

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

/** Pinned roles: one click switches; a role the principal may no longer switch to stays listed, disabled, until unpinned. */
export function FavouriteRoles({
  favourites,
  switchAction,
  unpinRole,
}: {
  favourites: Favourite[];
  switchAction: (data: FormData) => void;
  unpinRole: FormAction;
}) {
  const unpin = useActionForm(unpinRole, { toast: true });
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Favourite roles</h3>
      <ul aria-label="Favourite roles" className="space-y-1">
        {favourites.map((f) => (
          <li key={roleKey(f)} className="flex items-center gap-1">
            <form action={switchAction} className="min-w-0 flex-1">
              <RoleFields role={f} />
              <button
                type="submit"
                disabled={!f.allowed}
                aria-label={`Switch to ${f.displayName} (${roleKey(f)})`}
                className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400"
              >
                <ColourDot colour={f.colour} />
                <span className="truncate font-medium">{f.displayName}</span>
                <span className="truncate text-xs text-slate-500">{f.allowed ? roleKey(f) : "Your policies no longer allow it"}</span>
              </button>
            </form>
            <form action={unpin.formAction}>
              <RoleFields role={f} />
              <button type="submit" aria-label={`Unpin ${f.displayName}`} title="Unpin" className="rounded p-1 text-slate-500 hover:bg-slate-100">
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

function PinForm({ role, favourite, pin }: { role: RoleRef; favourite: Favourite | undefined; pin: ReturnType<typeof useActionForm> }) {
  return (
    <form action={pin.formAction} onChange={pin.onEdit} aria-label={`Pin ${roleKey(role)}`} className="mt-1 space-y-2 rounded border border-slate-200 p-2">
      <RoleFields role={role} />
      <Field label="Display name" name="displayName" errors={pin.errors("displayName")} required>
        {(p) => <Input {...p} defaultValue={pin.value("displayName") ?? favourite?.displayName ?? roleKey(role)} maxLength={64} />}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Colour</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {colours.map((c) => (
            <label key={c} className="flex items-center gap-1 text-sm">
              <input type="radio" name="colour" value={c} defaultChecked={c === (pin.value("colour") ?? favourite?.colour ?? "blue")} />
              <ColourDot colour={c} />
              {roleColourNames[c]}
            </label>
          ))}
        </div>
        {pin.errors("colour") && <p className="text-sm text-red-700">{pin.errors("colour")!.join(" ")}</p>}
      </fieldset>
      <FormMessage state={pin.state} />
      <SubmitButton>{favourite ? "Save" : "Pin"}</SubmitButton>
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
  const pin = useActionForm(pinRole, { toast: true });
  // The answer current when a pin form was opened: a later success closes it, an earlier one does not.
  const [opened, setOpened] = useState<{ key: string; answer: ActionState } | null>(null);
  const openKey = opened !== null && !(pin.state !== opened.answer && pin.state?.ok) ? opened.key : null;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Recent roles</h3>
      <ul aria-label="Recent roles" className="space-y-1">
        {recent.map((role) => {
          const key = roleKey(role);
          const favourite = favourites.find((f) => roleKey(f) === key);
          return (
            <li key={key}>
              <div className="flex items-center gap-1">
                <form action={switchAction} className="min-w-0 flex-1">
                  <RoleFields role={role} />
                  <button type="submit" className="w-full truncate rounded px-2 py-1 text-left text-sm text-blue-700 hover:bg-slate-100">
                    {key}
                  </button>
                </form>
                <button
                  type="button"
                  aria-expanded={openKey === key}
                  aria-label={favourite ? `Edit favourite ${favourite.displayName}` : `Pin ${key}`}
                  title={favourite ? "Edit favourite" : "Pin as favourite"}
                  onClick={() => setOpened(openKey === key ? null : { key, answer: pin.state })}
                  className={cn("rounded p-1 hover:bg-slate-100", favourite ? "text-blue-700" : "text-slate-500")}
                >
                  <Pin aria-hidden="true" className="size-4" />
                </button>
              </div>
              {openKey === key && <PinForm key={key} role={role} favourite={favourite} pin={pin} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
