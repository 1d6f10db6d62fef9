import { expect, test } from "vitest";
import { urn } from "@/lib/authz/urn";

test("a resource name joins service, region (empty for global services), account, type and name with colons", () => {
  expect(urn("ecs", "cn-north-4", "acc1", "instance", "web-01")).toBe("ecs:cn-north-4:acc1:instance:web-01");
  expect(urn("iam", null, "acc1", "user", "bob")).toBe("iam::acc1:user:bob");
});
