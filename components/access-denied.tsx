import { Alert } from "@/components/ui/alert";

export function AccessDenied({ message }: { message: string }) {
  return (
    <Alert tone="error" title="Access denied">
      {message}
    </Alert>
  );
}
