import { useFormatter, useNow } from "next-intl";
import { utcMinute, utcSecond } from "@/lib/format";

type Precision = "date" | "minute" | "second";

const styles = {
  date: { dateStyle: "medium" },
  minute: { dateStyle: "medium", timeStyle: "short" },
  second: { dateStyle: "medium", timeStyle: "medium" },
} as const;

/**
 * An instant in the reader's language and time zone; hovering shows it in UTC, the time every
 * administrator (and the audit trail's export) shares.
 */
export function DateTime({ value, precision = "minute" }: { value: Date | string; precision?: Precision }) {
  const format = useFormatter();
  const at = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={at.toISOString()} title={precision === "second" ? `${utcSecond(at)} UTC` : utcMinute(at)}>
      {format.dateTime(at, styles[precision])}
    </time>
  );
}

/** "in 6 days", "3 hours ago": relative to the request's now, in the reader's language. */
export function RelativeTime({ value }: { value: Date | string }) {
  const format = useFormatter();
  const now = useNow();
  const at = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={at.toISOString()} title={utcMinute(at)}>
      {format.relativeTime(at, now)}
    </time>
  );
}
