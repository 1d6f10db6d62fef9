"use client";
import { useActionForm, type FormAction } from "@/components/use-action-form";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** A one-click action on a row (start, stop, remove): hidden fields, one button, the refusal shown beside it. */
export function InlineAction({
  action,
  fields,
  label,
  accessibleLabel,
  variant = "link",
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  accessibleLabel?: string;
  variant?: ButtonVariant;
}) {
  const { formAction, pending, refusal: error } = useActionForm(action, { toast: true });
  return (
    <form action={formAction} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-label={accessibleLabel}>
        {label}
      </Button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
