"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { PolicyPicker, type PolicyOption } from "@/components/policy-picker";
import { ScopePicker } from "@/components/scope-picker";
import { useHydrated } from "@/components/use-hydrated";
import { toFormData } from "@/components/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { scopeKinds, type ScopeKind } from "@/lib/scope";
import { checkAgencyBasicsAction, createAgencyAction } from "../actions";
import { BasicsStep } from "./basics-step";
import { Review } from "./review";
import { basicsOf, initialValues, stepFields, type WizardValues } from "./wizard-values";

const steps = ["basics", "policies", "scope"] as const;
type Step = 1 | 2 | 3;
const stepKey: Record<Step, (typeof steps)[number]> = { 1: "basics", 2: "policies", 3: "scope" };

interface Props {
  policies: PolicyOption[];
  regions: { id: string; label: string }[];
  projects: { id: string; label: string }[];
}

export function CreateAgencyWizard({ policies, regions, projects }: Props) {
  const t = useTranslations("agencies");
  const common = useTranslations("common");
  const hydrated = useHydrated();
  const [step, setStep] = useState<Step>(1);
  const [values, setValues] = useState<WizardValues>(initialValues);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const scopeForm = useRef<HTMLFormElement>(null);
  // What the Review shows of the scope while step 3 is open (its inputs are uncontrolled).
  const [scopePreview, setScopePreview] = useState(() => ({ scopeKind: values.scopeKind, regions: values.regions, projects: values.projects }));
  const set = (patch: Partial<WizardValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    // A message describes the value it was about: changing the value takes it away.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !(field in patch))));
  };

  const go = (next: Step) => {
    setErrors({});
    setFormError(undefined);
    setStep(next);
  };

  // The scope inputs are uncontrolled; read them whenever step 3 is left so Previous keeps them.
  const readScope = (): Pick<WizardValues, "scopeKind" | "regions" | "projects"> => {
    const data = new FormData(scopeForm.current ?? undefined);
    const kind = String(data.get("scopeKind") ?? "all");
    return {
      scopeKind: (scopeKinds as readonly string[]).includes(kind) ? (kind as ScopeKind) : "all",
      regions: data.getAll("regions").map(String),
      projects: data.getAll("projects").map(String),
    };
  };

  const nextFromBasics = () =>
    startTransition(async () => {
      const result = await checkAgencyBasicsAction(null, toFormData(basicsOf(values)));
      if (result?.ok) return go(2);
      setErrors(result?.fieldErrors ?? {});
      setFormError(result?.formError);
    });

  const previous = () => {
    if (step === 3) {
      set(readScope());
      go(2);
    } else go(1);
  };

  const nextFromPolicies = () => {
    if (values.policyIds.length === 0) return setErrors({ policyIds: [t("wizard.selectPolicy")] });
    setScopePreview({ scopeKind: values.scopeKind, regions: values.regions, projects: values.projects });
    go(3);
  };

  const submit = () => {
    const scope = readScope();
    set(scope);
    startTransition(async () => {
      const all = { ...values, ...scope };
      const result = await createAgencyAction(
        null,
        toFormData({ ...basicsOf(all), policyIds: all.policyIds, scopeKind: all.scopeKind, regions: all.regions, projects: all.projects }),
      );
      if (result === null || result.ok) return;
      const fields = Object.keys(result.fieldErrors);
      const back = ([1, 2] as const).find((s) => fields.some((f) => stepFields[s].includes(f)));
      if (back !== undefined) setStep(back);
      setErrors(result.fieldErrors);
      setFormError(result.formError);
    });
  };

  const chosen = policies.filter((p) => values.policyIds.includes(p.id));
  return (
    // Until React runs the wizard its values cannot be kept: disabled (and shown so) rather than losing what was typed.
    <fieldset disabled={!hydrated} aria-busy={!hydrated} className="space-y-4 disabled:opacity-60">
      <ol aria-label={t("wizard.stepsLabel")} className="flex flex-wrap gap-2 text-sm">
        {steps.map((key, i) => (
          <li
            key={key}
            aria-current={step === i + 1 ? "step" : undefined}
            className={
              step === i + 1
                ? "rounded bg-blue-600 px-3 py-1 text-white"
                : step > i + 1
                  ? "rounded bg-blue-50 px-3 py-1 text-blue-800"
                  : "rounded bg-slate-200 px-3 py-1 text-slate-600"
            }
          >
            {i + 1}. {t(`wizard.steps.${key}`)}
          </li>
        ))}
      </ol>
      <section aria-label={t(`wizard.steps.${stepKey[step]}`)} className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold">{t(`wizard.steps.${stepKey[step]}`)}</h2>
        {step === 1 && <BasicsStep values={values} set={set} errors={errors} />}
        {step === 2 && <PolicyPicker policies={policies} selected={values.policyIds} onChange={(policyIds) => set({ policyIds })} errors={errors.policyIds} />}
        {step === 3 && (
          <div className="space-y-4">
            <form
              ref={scopeForm}
              onSubmit={(e) => e.preventDefault()}
              onChange={() => setScopePreview(readScope())}
              className="space-y-3"
              aria-label={t("wizard.scopeFormLabel")}
            >
              <p className="text-sm text-slate-600">{t("wizard.scopeFor", { names: chosen.map((p) => p.name).join(", "), all: t("scope.all") })}</p>
              <ScopePicker
                regions={regions}
                projects={projects}
                errors={(f) => errors[f]}
                initialKind={values.scopeKind}
                initialRegions={values.regions}
                initialProjects={values.projects}
                chosen={chosen}
              />
            </form>
            <Review
              values={values}
              chosen={chosen}
              scope={scopePreview}
              regionLabels={new Map(regions.map((r) => [r.id, r.id]))}
              projectNames={new Map(projects.map((p) => [p.id, p.label]))}
            />
          </div>
        )}
      </section>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex gap-2">
        {step === 1 ? (
          <Link href="/agencies" className={buttonClass("secondary")}>
            {common("cancel")}
          </Link>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={previous}>
            {common("previous")}
          </Button>
        )}
        {step === 1 && (
          <Button onClick={nextFromBasics} disabled={pending}>
            {pending ? t("wizard.checking") : common("next")}
          </Button>
        )}
        {step === 2 && <Button onClick={nextFromPolicies}>{common("next")}</Button>}
        {step === 3 && (
          <Button onClick={submit} disabled={pending}>
            {pending ? t("wizard.creating") : t("wizard.ok")}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
