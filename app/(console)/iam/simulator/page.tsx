import type { Metadata } from "next";
import { z } from "zod";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { simulate, simulateInput, simulatorPrincipals } from "@/lib/access/simulator";
import { actionCatalogue } from "@/lib/authz/action-catalogue";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access");
  return { title: t("simulator.title") };
}

type Params = Record<string, string | string[] | undefined>;
const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function SimulatorPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const t = await getTranslations("access");
  const tc = await getTranslations("common");
  const language = await getLocale();
  const [principalType = "", principalId = ""] = text(params.principal).split(":");
  const asked = text(params.action) !== "" || text(params.principal) !== "";
  const input = {
    principalType,
    principalId,
    action: text(params.action),
    resource: text(params.resource),
    regionId: text(params.regionId),
    enterpriseProjectId: text(params.enterpriseProjectId),
  };
  const parsed = asked ? simulateInput.safeParse(input) : null;
  const result = await load(async (db, caller) => ({
    principals: await simulatorPrincipals(db, caller),
    regions: await listRegions(db),
    projects: await listEnterpriseProjects(db, caller),
    answer: parsed?.success ? await simulate(db, caller, parsed.data) : null,
  }));
  const header = <PageHeader title={t("simulator.title")} description={t("simulator.description")} />;
  if (!result.ok) {
    return (
      <>
        {header}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  // Field messages are phrases (lib/validation.ts): put into the reader's language here.
  const fieldErrors: Record<string, string[] | undefined> = parsed && !parsed.success ? z.flattenError(parsed.error).fieldErrors : {};
  const errors = Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.map((m) => inWords(language, m))]));
  const { principals, regions, projects, answer } = result.data;
  // The principal as the reader's language names it; the engine's own label when it is not in the picker.
  const principalName =
    principalType === "user"
      ? principals.users.find((u) => u.id === principalId)?.name
      : principalType === "group"
        ? principals.groups.find((g) => g.id === principalId)?.name
        : principals.agencies.find((a) => a.id === principalId)?.name;
  const principalText =
    principalName === undefined || (principalType !== "user" && principalType !== "group" && principalType !== "agency")
      ? (answer?.principal ?? "")
      : t(`simulator.${principalType}`, { name: principalName });
  return (
    <>
      {header}
      <div className="grid items-start gap-4 xl:grid-cols-[28rem_1fr]">
        <Panel title={t("simulator.request")}>
          <form aria-label={t("simulator.form")} className="space-y-3">
            <Field label={t("simulator.principal")} name="principal" errors={errors.principalId ?? errors.principalType} required>
              {(p) => (
                <Select {...p} defaultValue={text(params.principal)}>
                  <option value="">{t("simulator.selectPrincipal")}</option>
                  <optgroup label={t("simulator.users")}>
                    {principals.users.map((u) => (
                      <option key={u.id} value={`user:${u.id}`}>
                        {t("simulator.userOption", { name: u.name })}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t("simulator.groups")}>
                    {principals.groups.map((g) => (
                      <option key={g.id} value={`group:${g.id}`}>
                        {t("simulator.groupOption", { name: g.name })}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t("simulator.agencies")}>
                    {principals.agencies.map((a) => (
                      <option key={a.id} value={`agency:${a.id}`}>
                        {t("simulator.agencyOption", { name: a.name })}
                      </option>
                    ))}
                  </optgroup>
                </Select>
              )}
            </Field>
            <Field label={t("simulator.action")} name="action" errors={errors.action} required>
              {(p) => <Input {...p} list="known-actions" defaultValue={input.action} placeholder="ecs:instances:stop" />}
            </Field>
            <datalist id="known-actions">
              {actionCatalogue.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            <Field label={t("simulator.resource")} name="resource" errors={errors.resource} hint={t("simulator.resourceHint")}>
              {(p) => <Input {...p} defaultValue={input.resource} />}
            </Field>
            <Field label={t("simulator.region")} name="regionId" errors={errors.regionId} hint={t("simulator.regionHint")}>
              {(p) => (
                <Select {...p} defaultValue={input.regionId}>
                  <option value="">{t("simulator.noRegion")}</option>
                  {regions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.id}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t("simulator.enterpriseProject")} name="enterpriseProjectId" errors={errors.enterpriseProjectId}>
              {(p) => (
                <Select {...p} defaultValue={input.enterpriseProjectId}>
                  <option value="">{tc("none")}</option>
                  {projects.map((ep) => (
                    <option key={ep.id} value={ep.id}>
                      {ep.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <button type="submit" className={buttonClass("primary")}>
              {t("simulator.simulate")}
            </button>
          </form>
        </Panel>
        {answer && (
          <Panel title={t("simulator.result")}>
            <p className="mb-2 text-sm text-slate-600">
              {principalText} → <code>{input.action}</code>
            </p>
            <Alert
              tone={answer.decision.allowed ? "success" : "error"}
              title={
                answer.decision.allowed ? t("simulator.allow") : answer.decision.effect === "Deny" ? t("simulator.explicitDeny") : t("simulator.implicitDeny")
              }
            >
              {inWords(language, answer.explanation)}
            </Alert>
          </Panel>
        )}
      </div>
    </>
  );
}
