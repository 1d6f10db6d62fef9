/**
 * The forms the fuzz posts (tests/integration/forms.fuzz.test.ts): for each, a valid baseline from
 * the demo world, the values worth trying per field, and where a success shows. Choices come from
 * the catalogues the forms offer (options.ts, schemas, catalogue.ts), so that a run gets past
 * validation as a real user's would; how a run changes the baseline is in fuzz-mutations.ts.
 */
import { type SQL, sql } from "drizzle-orm";
import type fc from "fast-check";
import { agencyTypes } from "@/db/schema";
import { cloudServices, MAX_CUSTOM_DAYS } from "@/lib/agencies/options";
import { trustedServiceCatalogue } from "@/lib/rd/catalogue";
import { flavors, storageClasses } from "@/lib/resources/options";
import { scopeKinds } from "@/lib/scope";
import { type Fields, type FormShape, first, type Run, runs, type Value } from "./fuzz-mutations";
import { descriptions, doc, longestCount, longestDocument, manyActions, names, others, regionIds, strangeIds } from "./fuzz-values";
import type { World } from "./fuzz-world";

export { build } from "./fuzz-mutations";

export interface FormSpec extends FormShape {
  form: string;
  /** The exported server action the form posts to. */
  action: string;
  /** A `select 1 …` that finds the change a successful post made, in the acting account. */
  visible(fields: Fields): SQL;
}

export const formRuns = (spec: FormSpec, w: World): fc.Arbitrary<Run> => runs(spec, [w.account.globex, w.account.umbrella, w.group.globexOperators]);

export function formSpecs(w: World): FormSpec[] {
  const acme = w.account.acme;
  // Acme's root and alice (in admins) may do all of these; bob, in no group, none.
  const callers: Pick<FormShape, "allowed" | "refused"> = { allowed: ["acme", "alice"], refused: ["bob"] };
  const agencyBasics = (n: number) => ({ name: `fuzz-agency-${n}`, description: "made by the form fuzz" });
  const agencyAlternatives = {
    name: names(["globex-ops", "old-audit"], 64, "A"),
    policyIds: [w.policy.ecsRead, [w.policy.ecsRead, w.policy.ecsRead], [w.policy.ecsFull, w.policy.tenantGuest], [w.policy.ecsRead.toUpperCase()]],
    description: descriptions,
  };
  const agencyOutsiders: Record<string, Value[]> = {
    name: ["A".repeat(65), "-agency"],
    policyIds: [[w.policy.globexCustom], [w.nothing], [w.policy.ecsRead, "not-a-uuid"], []],
    validityKind: ["forever", "Unlimited"],
    description: ["d".repeat(256)],
  };
  const agencyVisible = (f: Fields) =>
    sql`select 1 from agencies a join agency_permissions p on p.agency_id = a.id where a.account_id = ${acme} and a.name = ${first(f.name)} and a.type = ${first(f.type)} and a.description = ${first(f.description)}`;
  return [
    {
      form: "create user",
      action: "createUserAction",
      ...callers,
      baseline: (n) => ({ name: `fuzz-user-${n}`, password: "Str0ng-pass", confirmPassword: "Str0ng-pass", description: "made by the form fuzz" }),
      alternatives: { name: [...names(["alice", "bob"], 32, "u", false), "Bob.2"], description: descriptions },
      outsiders: {
        name: ["u".repeat(33), "9u", "gina@globex", "globex/gina"],
        password: ["short1!", `${"a".repeat(64)}A`, "Passw0rd!"],
        confirmPassword: ["str0ng-pass"],
        description: ["d".repeat(256)],
      },
      visible: (f) => sql`select 1 from users where account_id = ${acme} and name = ${first(f.name)} and description = ${first(f.description)}`,
    },
    {
      form: "create group",
      action: "createGroupAction",
      ...callers,
      baseline: (n) => ({ name: `fuzz group ${n}`, description: "made by the form fuzz" }),
      alternatives: { name: [...names(["admins", "auditors"], 64, "G"), "operators", "Team one"], description: descriptions },
      outsiders: { name: ["G".repeat(65), "-lead", "team/one"], description: ["d".repeat(256)] },
      visible: (f) => sql`select 1 from groups where account_id = ${acme} and name = ${first(f.name)} and description = ${first(f.description)}`,
    },
    {
      form: "grant policy to group",
      action: "grantPolicyAction",
      ...callers,
      baseline: () => ({ groupId: w.group.auditors, policyId: w.policy.obsRead, scopeKind: "regions", regions: ["cn-north-4", "eu-west-0"] }),
      alternatives: {
        groupId: [w.group.admins, w.group.auditors.toUpperCase()],
        policyId: [w.policy.ecsRead, w.policy.ecsFull, w.policy.tenantGuest, w.policy.obsRead.toUpperCase()],
        scopeKind: others(scopeKinds, "regions").filter((k) => k !== "projects"),
        regions: [...others(regionIds, "cn-north-4"), ["cn-north-4", "cn-north-4"], regionIds],
        projects: [[w.project.acmeDefault]],
      },
      outsiders: {
        groupId: [w.group.globexOperators, ...strangeIds(w)],
        policyId: [w.policy.globexCustom, ...strangeIds(w)],
        scopeKind: ["projects", "REGIONS"],
        regions: [["mars-1"], ["cn-north-4", "mars-1"]],
      },
      visible: (f) =>
        sql`select 1 from group_grants where account_id = ${acme} and group_id = ${first(f.groupId)} and policy_id = ${first(f.policyId)} and scope_kind = ${first(f.scopeKind)}`,
    },
    {
      form: "add member",
      action: "addUserToGroupAction",
      ...callers,
      baseline: () => ({ userId: w.user.bob, groupId: w.group.auditors }),
      alternatives: { userId: [w.user.alice, w.user.bob.toUpperCase()], groupId: [w.group.admins, w.group.auditors.toUpperCase()] },
      outsiders: { userId: [w.user.gina, ...strangeIds(w)], groupId: [w.group.globexOperators, ...strangeIds(w)] },
      visible: (f) => sql`select 1 from group_members where user_id = ${first(f.userId)} and group_id = ${first(f.groupId)}`,
    },
    {
      form: "create policy",
      action: "createPolicyAction",
      ...callers,
      baseline: (n) => ({ name: `fuzz-policy-${n}`, description: "made by the form fuzz", document: doc({ Effect: "Allow", Action: ["ecs:instances:list"] }) }),
      alternatives: {
        name: names(["globex-private", "Globex Private"], 64, "P"),
        description: descriptions,
        document: [
          doc({ Effect: "Deny", Action: ["ecs:*:delete"] }),
          doc({ Effect: "Allow", Action: ["*:*:*"] }),
          doc({ Effect: "Allow", NotAction: ["iam:*"] }),
          longestDocument,
          doc({ Effect: "Allow", Action: "ecs:instances:list" }),
        ],
      },
      outsiders: {
        name: ["ECS ReadOnlyAccess", "ecs readonlyaccess", "P".repeat(65)],
        document: [
          manyActions(longestCount + 1),
          doc({ Effect: "Allow", Action: ["ecs:\u0000:get"] }),
          '{"__proto__":{"Version":"1.0"},"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:instances:list"]}]}',
          '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:instances:list"]}],"Version":"2"}',
          '{"Version":"1.1","Statement":[]}',
          "{",
          "null",
          "[]",
          '"\\u0000"',
        ],
      },
      visible: (f) => sql`select 1 from policies where account_id = ${acme} and name = ${first(f.name)} and description = ${first(f.description)}`,
    },
    {
      form: "create agency (account)",
      action: "createAgencyAction",
      ...callers,
      baseline: (n) => ({
        ...agencyBasics(n),
        type: "account",
        delegatedAccount: "globex",
        validityKind: "custom",
        validityDays: "7",
        policyIds: [w.policy.ecsRead, w.policy.obsRead],
        scopeKind: "all",
      }),
      alternatives: {
        ...agencyAlternatives,
        delegatedAccount: ["umbrella", "GLOBEX", " globex ", "initech"],
        validityKind: ["unlimited", "one_day"],
        validityDays: ["1", String(MAX_CUSTOM_DAYS), "007"],
        scopeKind: ["global"],
        regions: [["cn-north-4"]],
      },
      outsiders: {
        ...agencyOutsiders,
        type: [...others(agencyTypes, "account"), "Account"],
        delegatedAccount: ["acme", "nosuch-account", "globex/gina", "gina@globex", "gx", ""],
        validityDays: ["0", String(MAX_CUSTOM_DAYS + 1), ""],
        scopeKind: ["regions", "projects"],
      },
      visible: agencyVisible,
    },
    {
      form: "create agency (cloud service)",
      action: "createAgencyAction",
      ...callers,
      baseline: (n) => ({
        ...agencyBasics(n),
        type: "service",
        service: "ECS",
        validityKind: "unlimited",
        policyIds: [w.policy.ecsRead],
        scopeKind: "regions",
        regions: ["cn-north-4"],
      }),
      alternatives: {
        ...agencyAlternatives,
        service: others(
          cloudServices.map((s) => s.id),
          "ECS",
        ),
        delegatedAccount: ["globex", "acme"],
        validityKind: ["one_day"],
        scopeKind: ["all", "global"],
        regions: [regionIds, "ap-southeast-1"],
      },
      outsiders: {
        ...agencyOutsiders,
        service: ["ecs", "Lambda", ""],
        type: ["account"],
        regions: [["mars-1"]],
        scopeKind: ["projects"],
        validityKind: ["custom"],
      },
      visible: (f) => sql`${agencyVisible(f)} and a.service = ${first(f.service)}`,
    },
    {
      form: "add agency permissions",
      action: "addAgencyPermissionsAction",
      ...callers,
      baseline: () => ({ agencyId: w.agency.globexOps, policyIds: [w.policy.obsRead], scopeKind: "projects", projects: [w.project.acmePayments] }),
      alternatives: {
        agencyId: [w.agency.oldAudit, w.agency.globexOps.toUpperCase()],
        policyIds: [[w.policy.obsRead, w.policy.ecsRead], [w.policy.ecsFull], w.policy.ecsRead],
        scopeKind: others(scopeKinds, "projects").filter((k) => k !== "regions"),
        projects: [[w.project.acmeDefault, w.project.acmePayments], w.project.acmeDefault],
        regions: [["eu-west-0"]],
      },
      outsiders: {
        agencyId: [w.agency.globexOwn, w.group.admins, w.nothing],
        policyIds: agencyOutsiders.policyIds!,
        scopeKind: ["regions"],
        projects: [[w.project.globexDefault], ["not-a-uuid"]],
      },
      visible: (f) =>
        sql`select 1 from agency_permissions where agency_id = ${first(f.agencyId)} and policy_id = ${first(f.policyIds)} and scope_kind = ${first(f.scopeKind)}`,
    },
    {
      form: "create instance",
      action: "createInstanceAction",
      ...callers,
      baseline: (n) => ({ name: `fuzz-vm-${n}`, regionId: "cn-north-4", enterpriseProjectId: w.project.acmeDefault, flavor: flavors[0] }),
      alternatives: {
        name: names(["web-01"], 64, "v"),
        regionId: others(regionIds, "cn-north-4"),
        enterpriseProjectId: [w.project.acmePayments, w.project.acmeDefault.toUpperCase()],
        flavor: others(flavors, flavors[0]),
      },
      outsiders: {
        name: ["v".repeat(65), "-vm"],
        regionId: ["mars-1", "CN-NORTH-4"],
        enterpriseProjectId: [w.project.globexDefault, ...strangeIds(w)],
        flavor: [flavors[0].toUpperCase(), "m1.huge"],
      },
      visible: (f) =>
        sql`select 1 from ecs_instances where account_id = ${acme} and name = ${first(f.name)} and flavor = ${first(f.flavor)} and region_id = ${first(f.regionId)}`,
    },
    {
      form: "create bucket",
      action: "createBucketAction",
      ...callers,
      baseline: (n) => ({ name: `fuzz-bucket-${n}`, regionId: "cn-north-4", enterpriseProjectId: w.project.acmeDefault, storageClass: storageClasses[0] }),
      alternatives: {
        name: ["acme-logs", "globex-data", "b".repeat(63), "abc", "b0.b-1", " padded-bucket "],
        regionId: others(regionIds, "cn-north-4"),
        enterpriseProjectId: [w.project.acmePayments, w.project.acmeDefault.toUpperCase()],
        storageClass: others(storageClasses, storageClasses[0]),
      },
      outsiders: {
        name: ["b".repeat(64), "ab", "a..b", "a-.b", "192.168.0.1", "Upper-Case"],
        regionId: ["mars-1"],
        enterpriseProjectId: [w.project.globexDefault, ...strangeIds(w)],
        storageClass: ["STANDARD", "glacier"],
      },
      visible: (f) => sql`select 1 from obs_buckets where account_id = ${acme} and name = ${first(f.name)} and storage_class = ${first(f.storageClass)}`,
    },
    {
      form: "create folder",
      action: "createFolderAction",
      ...callers,
      baseline: (n) => ({ name: `Fuzz ${n}`, parentId: w.folder.root }),
      alternatives: { name: names(["Production", "Development"], 24, "F"), parentId: [w.folder.production, w.folder.development, w.folder.root.toUpperCase()] },
      outsiders: { name: ["F".repeat(25), "-folder"], parentId: strangeIds(w) },
      visible: (f) => sql`select 1 from rd_folders where name = ${first(f.name)} and parent_id = ${first(f.parentId)}`,
    },
    {
      form: "invite account",
      action: "inviteAccountAction",
      ...callers,
      baseline: () => ({ accountName: "umbrella" }),
      alternatives: { accountName: ["UMBRELLA", " umbrella ", "globex", "initech", "acme", "nosuch-account"] },
      outsiders: { accountName: ["um", "umbrella!", "gina@globex"] },
      visible: () => sql`select 1 from rd_invitations where account_id = ${w.account.umbrella} and status = 'pending'`,
    },
    {
      form: "register delegated administrator",
      action: "registerDelegatedAdminAction",
      ...callers,
      baseline: () => ({ service: "cloudfw", accountId: w.account.initech }),
      alternatives: {
        service: others(
          trustedServiceCatalogue.map((s) => s.principal),
          "cloudfw",
        ),
        accountId: [w.account.globex, w.account.acme, w.account.umbrella, w.account.initech.toUpperCase()],
      },
      outsiders: { service: ["CLOUDFW", "Cloud Firewall", "nosuch"], accountId: strangeIds(w) },
      visible: (f) => sql`select 1 from delegated_admins where account_id = ${first(f.accountId)} and service_principal = ${first(f.service)}`,
    },
    {
      form: "switch role",
      action: "switchRoleAction",
      allowed: ["gina", "globex"],
      refused: ["gus", "bob"],
      baseline: () => ({ accountName: "acme", agencyName: "globex-ops" }),
      alternatives: { accountName: ["ACME", " acme ", "umbrella", "globex"], agencyName: ["old-audit", "GLOBEX-OPS", "globex-outbound", " globex-ops "] },
      outsiders: { accountName: ["acme%", "acm_", "a".repeat(65)], agencyName: ["globex-%", "a".repeat(65)] },
      visible: (f) =>
        sql`select 1 from role_sessions where account_id = ${acme} and principal_account_id = ${w.account.globex} and agency_name = ${first(f.agencyName)} and ended_at is null`,
    },
  ];
}
