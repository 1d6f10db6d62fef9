import { describe, expect, test } from "vitest";
import { FORM_BODY_LIMIT_BYTES, oversizedForm, SERVER_BODY_LIMIT_BYTES } from "@/lib/form-size";
import type { NextConfig } from "next";
import { english } from "@/tests/helpers/english";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data.entries();
};

describe("forms too large for a server action", () => {
  test("ordinary forms, even a policy of the maximum length, pass", () => {
    expect(oversizedForm(form({ name: "ops", description: "x".repeat(255), document: "é".repeat(6144) }))).toBeNull();
  });

  test("an oversized form names its largest field, with sizes a person can act on", () => {
    const problem = oversizedForm(form({ name: "ops", description: "x".repeat(300 * 1024) }));
    expect({ ...problem, message: english(problem!.message) }).toEqual({
      field: "description",
      message: "This is too long to send (300 KB; a form may send at most 192 KB). Shorten it and try again; nothing was saved.",
    });
  });

  test("many fields that are each small still count together, in UTF-8 bytes", () => {
    const fields = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, "€".repeat(700)]));
    expect(oversizedForm(form(fields))?.field).toBe("f0");
  });

  test("the browser's limit stays below the server's, which next.config.js sets", async () => {
    const configPath = "../next.config.js"; // plain JavaScript, without type declarations
    const { default: nextConfig } = (await import(/* @vite-ignore */ configPath)) as { default: NextConfig };
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe(`${SERVER_BODY_LIMIT_BYTES / 1024}kb`);
    expect(FORM_BODY_LIMIT_BYTES).toBeLessThan(SERVER_BODY_LIMIT_BYTES);
  });
});
