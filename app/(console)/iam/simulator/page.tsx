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

export const metadata: Metadata = { title: "Policy Simulator" };

type Params = Record<string, string | string[] | undefined>;
const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function SimulatorPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
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
  const header = (
    <PageHeader
      title="Policy Simulator"
      description="Ask what the authorization engine decides for a user, a user group or an agency of this account, and which statement decides it."
    />
  );
  if (!result.ok) {
    return (
      <>
        {header}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const errors: Record<string, string[] | undefined> = parsed && !parsed.success ? z.flattenError(parsed.error).fieldErrors : {};
  const { principals, regions, projects, answer } = result.data;
  return (
    <>
      {header}
      <div className="grid items-start gap-4 xl:grid-cols-[28rem_1fr]">
        <Panel title="Request">
          <form aria-label="Simulate" className="space-y-3">
            <Field label="Principal" name="principal" errors={errors.principalId ?? errors.principalType} required>
              {(p) => (
                <Select {...p} defaultValue={text(params.principal)}>
                  <option value="">Select a user, user group or agency</option>
                  <optgroup label="Users">
                    {principals.users.map((u) => (
                      <option key={u.id} value={`user:${u.id}`}>
                        User {u.name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="User groups">
                    {principals.groups.map((g) => (
                      <option key={g.id} value={`group:${g.id}`}>
                        Group {g.name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Agencies">
                    {principals.agencies.map((a) => (
                      <option key={a.id} value={`agency:${a.id}`}>
                        Agency {a.name}
                      </option>
                    ))}
                  </optgroup>
                </Select>
              )}
            </Field>
            <Field label="Action" name="action" errors={errors.action} required>
              {(p) => <Input {...p} list="known-actions" defaultValue={input.action} placeholder="ecs:instances:stop" />}
            </Field>
            <datalist id="known-actions">
              {actionCatalogue.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            <Field label="Resource" name="resource" errors={errors.resource} hint="e.g. ecs:cn-north-4:<account ID>:instance:web-01; empty means *.">
              {(p) => <Input {...p} defaultValue={input.resource} />}
            </Field>
            <Field label="Region" name="regionId" errors={errors.regionId} hint="Empty for global services such as IAM.">
              {(p) => (
                <Select {...p} defaultValue={input.regionId}>
                  <option value="">None (global service)</option>
                  {regions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.id}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Enterprise project" name="enterpriseProjectId" errors={errors.enterpriseProjectId}>
              {(p) => (
                <Select {...p} defaultValue={input.enterpriseProjectId}>
                  <option value="">None</option>
                  {projects.map((ep) => (
                    <option key={ep.id} value={ep.id}>
                      {ep.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <button type="submit" className={buttonClass("primary")}>
              Simulate
            </button>
          </form>
        </Panel>
        {answer && (
          <Panel title="Result">
            <p className="mb-2 text-sm text-slate-600">
              {answer.principal} → <code>{input.action}</code>
            </p>
            <Alert
              tone={answer.decision.allowed ? "success" : "error"}
              title={answer.decision.allowed ? "Allow" : answer.decision.effect === "Deny" ? "Explicit deny" : "Implicit deny"}
            >
              {answer.explanation}
            </Alert>
          </Panel>
        )}
      </div>
    </>
  );
}
