import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { prisma } from "@/lib/db/prisma";
import { TAGS } from "@/lib/cache-tags";
import type { SearchParams } from "@/lib/search/params";
import { listPageNames, search, type SearchOutcome } from "@/lib/search/search";

/** The readers' search: published editions only, uncached (the database answers from its index). */
export async function searchPublished(params: Omit<SearchParams, "ignored">): Promise<SearchOutcome> {
  return search(prisma, params);
}

/** 版名 suggestions for the search form. */
export async function getPageNames(): Promise<string[]> {
  "use cache";
  cacheTag(TAGS.editions);
  cacheLife("reader");
  return listPageNames(prisma);
}
