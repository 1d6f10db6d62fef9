import { beforeEach, expect, test } from "vitest";
import { forgetThrottle, takeToken } from "@/lib/api/throttle";

beforeEach(() => forgetThrottle());

test("a key gets a burst of 40, then 20 a second; keys do not share a bucket", () => {
  const start = 1_000_000;
  const burst = Array.from({ length: 41 }, () => takeToken("AK1", start));
  expect(burst.filter(Boolean)).toHaveLength(40);
  expect(burst[40]).toBe(false);
  expect(takeToken("AK2", start)).toBe(true);
  expect(takeToken("AK1", start + 49)).toBe(false);
  expect(takeToken("AK1", start + 50)).toBe(true);
  const afterASecond = Array.from({ length: 21 }, () => takeToken("AK1", start + 1050));
  expect(afterASecond.filter(Boolean)).toHaveLength(20);
});
