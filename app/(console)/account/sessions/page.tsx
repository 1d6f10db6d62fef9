import type { Metadata } from "next";
import { getDb } from "@/db";
import { resolveRequest } from "@/app/_lib/session";
import { redirect } from "next/navigation";
import { ConfirmAction } from "@/components/confirm-action";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { ownSignIns } from "@/lib/auth/sign-in-management";
import { utcMinute } from "@/lib/format";
import { endSignInAction } from "./actions";
import { SignOutOthers } from "./sign-out-others";

export const metadata: Metadata = { title: "My sessions" };

export default async function SessionsPage() {
  const identity = await resolveRequest();
  if (identity === null) redirect("/sign-in");
  const signIns = await ownSignIns(await getDb(), identity.caller, identity.loginId);
  const others = signIns.filter((s) => !s.current).length;
  return (
    <>
      <PageHeader
        title="My sessions"
        description="Every browser where you are signed in. Signing a session out ends it on its next click, even if its cookie was copied; it also ends any role it had switched into."
      />
      <div className="mb-3">
        <SignOutOthers others={others} />
      </div>
      <Table label="Active sessions">
        <thead>
          <tr>
            <Th>Signed in</Th>
            <Th>Last active</Th>
            <Th>Expires</Th>
            <Th>Address</Th>
            <Th>Browser</Th>
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {signIns.map((s) => (
            <tr key={s.id}>
              <Td>{utcMinute(s.createdAt)}</Td>
              <Td>{utcMinute(s.lastSeenAt)}</Td>
              <Td>{utcMinute(s.expiresAt)}</Td>
              <Td className="font-mono text-xs">{s.address || "—"}</Td>
              <Td className="max-w-xs truncate text-xs" title={s.userAgent}>
                {s.userAgent || "—"}
              </Td>
              <OperationTd>
                {s.current ? (
                  <span className="text-sm font-medium text-slate-700">This session</span>
                ) : (
                  <ConfirmAction
                    action={endSignInAction}
                    fields={{ signInId: s.id }}
                    trigger="Sign out"
                    triggerLabel={`Sign out the session signed in at ${utcMinute(s.createdAt)}`}
                    title="Sign out session"
                    confirmLabel="Sign Out"
                    message={`Sign out the session signed in at ${utcMinute(s.createdAt)} from ${s.address || "an unknown address"}?`}
                  />
                )}
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
