import "server-only";
import { prisma } from "../db/prisma";
import type { SearchParams } from "../search/params";
import { listPageNames, search, type SearchOutcome } from "../search/search";

/** The editors' search: like the readers' one, over drafts too. */
export async function searchForEditors(params: Omit<SearchParams, "ignored">): Promise<SearchOutcome> {
  return search(prisma, params, { includeDrafts: true });
}

export async function listPageNamesForEditors(): Promise<string[]> {
  return listPageNames(prisma);
}
