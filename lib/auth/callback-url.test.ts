import { expect, test } from "vitest";
import { safeCallbackPath } from "./callback-url";

const origin = "http://localhost:3000";

test.each([
  ["/agencies", "/agencies"],
  ["/agencies?page=2#top", "/agencies?page=2#top"],
  ["http://localhost:3000/iam/users", "/iam/users"],
  ["agencies", "/agencies"],
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
])("%s stays on the console as %s", (value, expected) => {
  expect(safeCallbackPath(value, origin)).toBe(expected);
});

test.each([
  ["backslash after the slash", "/\\evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["tab inside the slashes", "/\t/evil.example"],
  ["newline inside the slashes", "/\n/evil.example"],
  ["carriage return", "/\r/evil.example"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with path", "//evil.example/agencies"],
  ["absolute URL", "https://evil.example/"],
  ["absolute URL with our host as user", "http://localhost:3000@evil.example/"],
  ["javascript:", "javascript:alert(1)"],
  ["JavaScript: with case and spaces", " JavaScript:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["other port", "http://localhost:3001/"],
  ["other scheme", "https://localhost:3000/"],
  ["dot segments to a double slash", "/.//evil.example"],
  ["encoded dot segments", "/%2e//evil.example"],
  ["triple slash", "///evil.example"],
  ["empty", ""],
  ["missing", null],
])("%s goes home", (_label, value) => {
  expect(safeCallbackPath(value, origin)).toBe("/");
});
