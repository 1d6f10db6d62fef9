import { Alert } from "@/components/ui/alert";

/** A refusal (`denied`, the default), or a page that does not apply to this account, said neutrally. */
export function AccessDenied({ message, denied = true }: { message: string; denied?: boolean }) {
  return denied ? (
    <Alert tone="error" title="Access denied">
      {message}
    </Alert>
  ) : (
    <Alert tone="info" title="Not available for this account">
      {message}
    </Alert>
  );
}
