import { delegationCandidates } from "@/lib/rd/delegated-admins";
import { directorySearch } from "../search-route";

/** Members that could be added as a service's delegated administrator, matching what is typed: the Add panel's search. */
export const GET = directorySearch({ candidates: [] }, (db, caller, params) =>
  delegationCandidates(db, caller, params.get("service") ?? "", params.get("q") ?? ""),
);
