import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30 aria-[invalid=true]:border-red-600";

interface FieldProps {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: string;
  required?: boolean;
  /** Needed when the same field appears more than once on a page (a form per table row). */
  id?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled control with its hint and the server's message for that field. */
export function Field({ label, name, errors, hint, required, id: givenId, children }: FieldProps) {
  const id = givenId ?? `field-${name}`;
  const messageId = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline gap-0.5">
        {required && (
          <span className="text-sm text-red-600" aria-hidden>
            *
          </span>
        )}
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
      </div>
      {children({ id, name, "aria-invalid": Boolean(errors?.length), ...(messageId ? { "aria-describedby": messageId } : {}) })}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(control, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(control, className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, "font-mono", className)} {...props} />;
}
