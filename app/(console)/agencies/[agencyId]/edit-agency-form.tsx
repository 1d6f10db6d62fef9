"use client";
import { useState } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { MAX_CUSTOM_DAYS, validityLabels } from "@/lib/agencies/options";
import { updateAgencyAction } from "../actions";

export function EditAgencyForm({ agency }: { agency: { id: string; description: string; validityKind: string; validityDays: number | null } }) {
  const { state, formAction, errors, value, onEdit } = useActionForm(updateAgencyAction);
  const [kind, setKind] = useState(value("validityKind") ?? agency.validityKind);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label="Edit agency">
      <input type="hidden" name="agencyId" value={agency.id} />
      <Field label="Validity Period" name="validityKind" errors={errors("validityKind")} required hint="A changed validity period starts now.">
        {(p) => (
          <Select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(validityLabels).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {kind === "custom" && (
        <Field label="Days" name="validityDays" errors={errors("validityDays")} required hint={`1 to ${MAX_CUSTOM_DAYS} days.`}>
          {(p) => (
            <Input
              {...p}
              type="number"
              min={1}
              max={MAX_CUSTOM_DAYS}
              defaultValue={value("validityDays") ?? agency.validityDays ?? ""}
              key={`d${value("validityDays")}`}
            />
          )}
        </Field>
      )}
      <Field label="Description" name="description" errors={errors("description")}>
        {(p) => <Textarea {...p} className="font-sans" rows={3} defaultValue={value("description") ?? agency.description} key={`t${value("description")}`} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
