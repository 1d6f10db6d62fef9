import { createTranslator } from "next-intl";
import { expect, test } from "vitest";
import { catalogues } from "@/messages/catalogue";
import { type DomainWords, policyDescription, serviceDescription } from "@/components/catalogue-description";

const zh = createTranslator({ locale: "zh-CN", messages: catalogues["zh-CN"], namespace: "domain" }) as unknown as DomainWords;

test("system policies and trusted services are described in the reader's language; other text is shown as stored", () => {
  expect(policyDescription(zh, { kind: "system_policy", name: "ECS FullAccess", description: "Full permissions for Elastic Cloud Server." })).toBe(
    "弹性云服务器的全部权限。",
  );
  // A custom policy's description is its author's, even when its name matches a system one.
  expect(policyDescription(zh, { kind: "custom", name: "ECS FullAccess", description: "ours" })).toBe("ours");
  expect(policyDescription(zh, { kind: "system_role", name: "Not In Catalogue", description: "stored" })).toBe("stored");
  expect(serviceDescription(zh, { principal: "cloudfw", description: "Centrally manages…" })).toBe("集中管理目录中各账号的防火墙策略。");
  expect(serviceDescription(zh, { principal: "newservice", description: "stored" })).toBe("stored");
});
