import { moveDestinations } from "@/lib/rd/directory";
import { directorySearch } from "../search-route";

/** Folders a member could be moved to, named like what is typed: the Move form's search. */
export const GET = directorySearch({ folders: [] }, (db, caller, params) => moveDestinations(db, caller, params.get("q") ?? ""));
