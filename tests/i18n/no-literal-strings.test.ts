/** No component or page writes words of its own: everything a person reads comes from the catalogues. */
import { describe, expect, test } from "vitest";
import { literalsIn, literalsUnder } from "./literal-strings";

describe("literal strings", () => {
  test("app/ and components/ render no words outside the catalogues", () => {
    const found = literalsUnder("app", "components").map((l) => `${l.file}:${l.line} ${JSON.stringify(l.text)}`);
    expect(found).toEqual([]);
  });

  test("the finder sees each way words get onto a page", () => {
    const sample = `
      export const metadata = { title: "Agencies" };
      export const go = action(cmd, { success: () => "Agency deleted." });
      export function A({ n }: { n: number }) {
        return (
          <div title="Agency details" aria-label={"Close it"}>
            Create Agency
            {n > 1 ? "Many agencies" : "One"}
            {\`\${n} agencies\`}
            <Button confirmLabel="Delete" className="px-2 text-sm" variant="onDark" name="agencyId" />
            删除
          </div>
        );
      }`;
    const texts = literalsIn("sample.tsx", sample).map((l) => l.text);
    expect(texts).toEqual(["Agencies", "Agency deleted.", "Agency details", "Close it", "Create Agency", "Many agencies", "One", "agencies", "Delete", "删除"]);
  });

  test("codes, styles and names are not words", () => {
    const sample = `export const B = () => <Link href="/agencies" className="text-sm" variant="link" data-testid="row">{"·"}{" "}Mandate</Link>;`;
    expect(literalsIn("sample.tsx", sample)).toEqual([]);
  });
});
