import "server-only";
import { revalidateTag } from "next/cache";
import { TAGS } from "../cache-tags";

/**
 * Expires the reader's cached reads after an editor's change. `expire: 0`
 * (rather than "max") so the very next reader request sees the change, from
 * server actions and route handlers alike.
 */
export function revalidateReader(changed: {
  editions?: boolean;
  editionId?: number;
  pageIds?: number[];
  articleIds?: number[];
}): void {
  const now = { expire: 0 };
  if (changed.editions) revalidateTag(TAGS.editions, now);
  if (changed.editionId !== undefined) revalidateTag(TAGS.edition(changed.editionId), now);
  for (const id of changed.pageIds ?? []) revalidateTag(TAGS.page(id), now);
  for (const id of changed.articleIds ?? []) revalidateTag(TAGS.article(id), now);
}
