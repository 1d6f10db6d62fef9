"use client";
import { SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Select } from "@/components/ui/field";
import { addUserToGroupAction } from "./actions";

export function AddToGroupForm({ userId, userName, groups }: { userId: string; userName: string; groups: { id: string; name: string }[] }) {
  const { formAction, refusal: error } = useActionForm(addUserToGroupAction);
  if (groups.length === 0) return null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Select name="groupId" aria-label={`Group for ${userName}`} className="w-auto py-1" defaultValue="">
        <option value="" disabled>
          Add to group…
        </option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </Select>
      <SubmitButton variant="secondary">Add</SubmitButton>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
