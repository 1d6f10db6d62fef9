"use client";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { cloudServices, MAX_CUSTOM_DAYS, validityLabels } from "@/lib/agencies/options";
import type { WizardValues } from "./wizard-values";

type Errors = Record<string, string[] | undefined>;

const agencyTypeOptions = [
  {
    value: "account",
    label: "Account",
    hint: "Share resources with another account or delegate an individual or team to manage your resources. The delegated account can only be an account, rather than an IAM user or a federated user.",
  },
  { value: "service", label: "Cloud service", hint: "Delegate a specific service to access other services." },
] as const;

/** Step 1: Agency Name, Agency Type with the delegated party, Validity Period, Description. */
export function BasicsStep({ values, set, errors }: { values: WizardValues; set: (patch: Partial<WizardValues>) => void; errors: Errors }) {
  return (
    <div className="space-y-4">
      <Field label="Agency Name" name="name" errors={errors.name} required>
        {(p) => <Input {...p} value={values.name} onChange={(e) => set({ name: e.target.value })} maxLength={64} />}
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">
          <span className="text-red-600" aria-hidden>
            *
          </span>
          Agency Type
        </legend>
        <div className="space-y-2 text-sm">
          {agencyTypeOptions.map((option) => (
            <div key={option.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={`type-${option.value}`}
                name="type"
                value={option.value}
                className="mt-1"
                aria-describedby={`type-${option.value}-hint`}
                checked={values.type === option.value}
                onChange={() => set({ type: option.value })}
              />
              <div>
                <label htmlFor={`type-${option.value}`}>{option.label}</label>
                <p id={`type-${option.value}-hint`} className="text-xs text-slate-500">
                  {option.hint}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {values.type === "account" ? (
        <Field label="Delegated Account" name="delegatedAccount" errors={errors.delegatedAccount} required hint="The name of the account you delegate to.">
          {(p) => <Input {...p} value={values.delegatedAccount} onChange={(e) => set({ delegatedAccount: e.target.value })} />}
        </Field>
      ) : (
        <Field label="Cloud Service" name="service" errors={errors.service} required>
          {(p) => (
            <Select {...p} value={values.service} onChange={(e) => set({ service: e.target.value })}>
              <option value="" disabled>
                Select a cloud service
              </option>
              {cloudServices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id} — {s.description}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field label="Validity Period" name="validityKind" errors={errors.validityKind} required>
        {(p) => (
          <Select {...p} value={values.validityKind} onChange={(e) => set({ validityKind: e.target.value as WizardValues["validityKind"] })}>
            {Object.entries(validityLabels).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {values.validityKind === "custom" && (
        <Field label="Days" name="validityDays" errors={errors.validityDays} required hint={`1 to ${MAX_CUSTOM_DAYS} days from now.`}>
          {(p) => (
            <Input {...p} type="number" min={1} max={MAX_CUSTOM_DAYS} value={values.validityDays} onChange={(e) => set({ validityDays: e.target.value })} />
          )}
        </Field>
      )}
      <Field label="Description" name="description" errors={errors.description} hint="Up to 255 characters.">
        {(p) => <Textarea {...p} className="font-sans" rows={3} value={values.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
    </div>
  );
}
