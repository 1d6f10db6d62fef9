// PostgreSQL refuses \u0000 in text (the request would fail with a 500), and no name, description,
// filter or address needs a control character; they also hide text from people reading the console
// or the audit. A loop rather than a regular expression so the ranges read as numbers.
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
// Multi-line fields (descriptions) keep tabs and line breaks.
const isTabOrLineBreak = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;

export function hasControlCharacters(text: string, multiline = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) && !(multiline && isTabOrLineBreak(code))) return true;
  }
  return false;
}
