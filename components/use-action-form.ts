"use client";
import { type FormEvent, useActionState, useState } from "react";
import type { ActionState, FormAction } from "@/components/action-state";
import { withSuccessToast } from "@/components/toasts";

export type { FormAction };

/** The one-line message of a refused action, for forms too small to show messages at their fields. */
export function refusalOf(state: ActionState): string | undefined {
  if (state === null || state.ok) return undefined;
  return state.formError ?? Object.values(state.fieldErrors).flat().join(" ");
}

/** State of a form bound to a server action, with helpers to show each field's message and refill it. */
export function useActionForm(action: FormAction, options: { toast?: boolean } = {}) {
  // The toast is raised as the answer arrives, not from an effect: a row's control may be gone by then.
  const [state, formAction, pending] = useActionState(options.toast ? withSuccessToast(action) : action, null);
  // A message stays until its field is changed or the form is sent again: then it no longer describes what is there.
  // Kept with the answer it belongs to, so a new answer starts with nothing edited.
  const [edited, setEdited] = useState<{ answer: ActionState; names: ReadonlySet<string> }>({ answer: null, names: new Set() });
  const editedNow = edited.answer === state ? edited.names : new Set<string>();
  const onEdit = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (name && !editedNow.has(name)) setEdited({ answer: state, names: new Set([...editedNow, name]) });
  };
  const errors = (name: string) => (state !== null && !state.ok && !editedNow.has(name) ? state.fieldErrors[name] : undefined);
  const value = (name: string): string | undefined => {
    const v = state?.values[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const values = (name: string): string[] => {
    const v = state?.values[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return { state, formAction, pending, errors, value, values, onEdit, refusal: refusalOf(state) };
}

/** Builds the FormData a server action expects from plain values (lists become repeated fields). */
export function toFormData(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}
