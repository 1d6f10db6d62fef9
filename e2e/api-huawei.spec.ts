import { BasicCredentials, GlobalCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { Logger4jInstance } from "@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger.js";
import * as ECS from "@huaweicloud/huaweicloud-sdk-ecs/v2/public-api.js";
import * as IAM from "@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js";
import { expect, type Page, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

// The SDK logs each refused call with its request, Authorization header included: keep that out of the report.
Logger4jInstance.level = "off";

/** Creates a key on the open Access Keys page and reads it as a person would copy it. */
async function newAccessKey(page: Page) {
  await page.getByRole("button", { name: "Create Access Key" }).click();
  const created = page.getByRole("region", { name: "New access key" });
  return { ak: (await created.locator("code").nth(0).textContent())!.trim(), sk: (await created.locator("code").nth(1).textContent())!.trim() };
}

/** The account ID the SDKs call the domain ID, from the Access Keys page. */
const accountIdOf = async (page: Page) => {
  await page.goto("/account/access-keys");
  return (await page
    .getByRole("region", { name: "API Credentials" })
    .getByText(/^[0-9a-f-]{36}$/)
    .textContent())!.trim();
};

test("the official Huawei SDKs against the running console: create and grant an agency, assume it, list ECS, and the console ends the session", async ({
  page,
  browser,
  baseURL,
}) => {
  const endpoint = new URL(baseURL!).origin;
  const options = { customUserAgent: "mandate-e2e" };

  // acme's root makes a key and, with the SDK, an agency for globex holding ECS ReadOnlyAccess in cn-north-4.
  await signIn(page, "acme");
  const acmeId = await accountIdOf(page);
  const acmeKey = await newAccessKey(page);
  const iam = IAM.IamClient.newBuilder()
    .withCredential(new GlobalCredentials().withAk(acmeKey.ak).withSk(acmeKey.sk).withDomainId(acmeId))
    .withEndpoint(endpoint)
    .withOptions(options)
    .build();
  const name = unique("sdk-agency");
  const created = await iam.createAgency(
    new IAM.CreateAgencyRequest().withBody(
      new IAM.CreateAgencyRequestBody().withAgency(
        new IAM.CreateAgencyOption().withName(name).withDomainId(acmeId).withTrustDomainName("globex").withDescription("made by the SDK"),
      ),
    ),
  );
  const agencyId = (created.agency as unknown as { id: string }).id;
  const listed = await iam.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acmeId).withName(name));
  expect(listed.agencies?.map((a) => a.name)).toEqual([name]);
  const inProject = IAM.IamClient.newBuilder()
    .withCredential(new BasicCredentials().withAk(acmeKey.ak).withSk(acmeKey.sk).withProjectId("cn-north-4"))
    .withEndpoint(endpoint)
    .withOptions(options)
    .build();
  const policyId = await roleIdOf(page, "ECS ReadOnlyAccess");
  await inProject.associateAgencyWithProjectPermission(new IAM.AssociateAgencyWithProjectPermissionRequest().withAgencyId(agencyId).withRoleId(policyId));

  // The console shows what the SDK did.
  await page.goto(`/agencies/${agencyId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Permissions" }).getByRole("cell", { name: "ECS ReadOnlyAccess", exact: true })).toBeVisible();

  // gina (globex, Agent Operator) makes her own key and assumes the agency for temporary keys.
  const gina = await browser.newPage();
  await signIn(gina, "globex", "gina");
  const globexId = await accountIdOf(gina);
  const ginaKey = await newAccessKey(gina);
  const asGina = IAM.IamClient.newBuilder()
    .withCredential(new GlobalCredentials().withAk(ginaKey.ak).withSk(ginaKey.sk).withDomainId(globexId))
    .withEndpoint(endpoint)
    .withOptions(options)
    .build();
  const answer = await asGina.createTemporaryAccessKeyByAgency(
    new IAM.CreateTemporaryAccessKeyByAgencyRequest().withBody(
      new IAM.CreateTemporaryAccessKeyByAgencyRequestBody().withAuth(
        new IAM.AgencyAuth().withIdentity(
          new IAM.AgencyAuthIdentity().withMethods(["assume_role"]).withAssumeRole(new IAM.IdentityAssumerole().withAgencyName(name).withDomainName("acme")),
        ),
      ),
    ),
  );
  const credential = answer.credential as unknown as { access: string; secret: string; securitytoken: string };
  const ecs = ECS.EcsClient.newBuilder()
    .withCredential(
      new BasicCredentials().withAk(credential.access).withSk(credential.secret).withSecurityToken(credential.securitytoken).withProjectId("cn-north-4"),
    )
    .withEndpoint(endpoint)
    .withOptions(options)
    .build();
  const servers = await ecs.listServersDetails(new ECS.ListServersDetailsRequest());
  expect(servers.servers?.map((s) => s.name)).toContain("web-01");

  // acme sees the session and ends it: the temporary keys stop working on their next call.
  await page.reload();
  const sessions = page.getByRole("table", { name: "Active sessions" });
  await expect(sessions.getByRole("cell", { name: "gina@globex", exact: true })).toBeVisible();
  await sessions.getByRole("button", { name: "End session of gina@globex" }).click();
  await page.getByRole("dialog", { name: "End Session" }).getByRole("button", { name: "End Session" }).click();
  await expect(sessions.getByText("Nobody is using this agency now.")).toBeVisible();
  const refused = await ecs.listServersDetails(new ECS.ListServersDetailsRequest()).catch((e: { httpStatusCode?: number; errorCode?: string }) => e);
  expect(refused).toMatchObject({ httpStatusCode: 401, errorCode: "IAM.0001" });

  // The audit trail names the API and the key.
  await page.goto("/audit");
  await expect(page.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
  await gina.close();
});

/** A policy's id, as the console's Policies page links to it. */
async function roleIdOf(page: Page, policyName: string): Promise<string> {
  await page.goto("/iam/policies");
  const href = await page.getByRole("link", { name: policyName, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}
