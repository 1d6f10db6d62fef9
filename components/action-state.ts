/** What a server action answers a form with: the protocol between app/ (which runs it) and the form components. */
export type FormValues = Record<string, string | string[]>;

export type ActionState =
  /** `revealed`: what the person sees once and the server never sends again (a new access key's secret). */
  | { ok: true; message: string; values: FormValues; revealed?: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string[]>; formError: string | undefined; values: FormValues }
  | null;

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
