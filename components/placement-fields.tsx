"use client";
import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";

/** Region and enterprise project selects shared by the forms that create a resource. */
export function PlacementFields({
  regions,
  projects,
  errors,
  value,
}: {
  regions: { id: string; name: string }[];
  projects: { id: string; name: string }[];
  errors: (name: string) => string[] | undefined;
  value: (name: string) => string | undefined;
}) {
  const t = useTranslations("nav");
  return (
    <>
      <Field label={t("placement.region")} name="regionId" errors={errors("regionId")} required>
        {(p) => (
          <Select {...p} defaultValue={value("regionId") ?? ""} key={`r${value("regionId")}`}>
            <option value="" disabled>
              {t("placement.selectRegion")}
            </option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} ({r.name})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("placement.project")} name="enterpriseProjectId" errors={errors("enterpriseProjectId")} required>
        {(p) => (
          <Select {...p} defaultValue={value("enterpriseProjectId") ?? ""} key={`p${value("enterpriseProjectId")}`}>
            <option value="" disabled>
              {t("placement.selectProject")}
            </option>
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
