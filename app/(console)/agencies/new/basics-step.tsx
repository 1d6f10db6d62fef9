"use client";
import { useTranslations } from "next-intl";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { cloudServices, MAX_CUSTOM_DAYS, validityChoices } from "@/lib/agencies/options";
import type { WizardValues } from "./wizard-values";

type Errors = Record<string, string[] | undefined>;

const agencyTypes = ["account", "service"] as const;

// Each cloud service's description, by its id, in the `agencies` namespace.
const serviceKeys = { ECS: "ecs", OBS: "obs", CTS: "cts", "Config Audit": "configAudit" } as const satisfies Record<
  (typeof cloudServices)[number]["id"],
  string
>;

/** Step 1: Agency Name, Agency Type with the delegated party, Validity Period, Description. */
export function BasicsStep({ values, set, errors }: { values: WizardValues; set: (patch: Partial<WizardValues>) => void; errors: Errors }) {
  const t = useTranslations("agencies");
  const common = useTranslations("common");
  return (
    <div className="space-y-4">
      <Field label={t("fields.name")} name="name" errors={errors.name} required>
        {(p) => <Input {...p} value={values.name} onChange={(e) => set({ name: e.target.value })} maxLength={64} />}
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">
          <span className="text-red-600" aria-hidden>
            *
          </span>
          {t("fields.type")}
        </legend>
        <div className="space-y-2 text-sm">
          {agencyTypes.map((type) => (
            <div key={type} className="flex items-start gap-2">
              <input
                type="radio"
                id={`type-${type}`}
                name="type"
                value={type}
                className="mt-1"
                aria-describedby={`type-${type}-hint`}
                checked={values.type === type}
                onChange={() => set({ type })}
              />
              <div>
                <label htmlFor={`type-${type}`}>{t(`type.${type}`)}</label>
                <p id={`type-${type}-hint`} className="text-xs text-slate-500">
                  {t(`typeHint.${type}`)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {values.type === "account" ? (
        <Field label={t("fields.delegatedAccount")} name="delegatedAccount" errors={errors.delegatedAccount} required hint={t("fields.delegatedAccountHint")}>
          {(p) => <Input {...p} value={values.delegatedAccount} onChange={(e) => set({ delegatedAccount: e.target.value })} />}
        </Field>
      ) : (
        <Field label={t("fields.service")} name="service" errors={errors.service} required>
          {(p) => (
            <Select {...p} value={values.service} onChange={(e) => set({ service: e.target.value })}>
              <option value="" disabled>
                {t("fields.selectService")}
              </option>
              {cloudServices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id} — {t(`services.${serviceKeys[s.id]}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field label={t("fields.validity")} name="validityKind" errors={errors.validityKind} required>
        {(p) => (
          <Select {...p} value={values.validityKind} onChange={(e) => set({ validityKind: e.target.value as WizardValues["validityKind"] })}>
            {validityChoices.map((kind) => (
              <option key={kind} value={kind}>
                {t(`validityKind.${kind}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {values.validityKind === "custom" && (
        <Field label={t("fields.days")} name="validityDays" errors={errors.validityDays} required hint={t("fields.daysFromNowHint", { max: MAX_CUSTOM_DAYS })}>
          {(p) => (
            <Input {...p} type="number" min={1} max={MAX_CUSTOM_DAYS} value={values.validityDays} onChange={(e) => set({ validityDays: e.target.value })} />
          )}
        </Field>
      )}
      <Field label={common("description_label")} name="description" errors={errors.description} hint={t("fields.descriptionHint")}>
        {(p) => <Textarea {...p} className="font-sans" rows={3} value={values.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
    </div>
  );
}
