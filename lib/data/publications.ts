import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { prisma } from "@/lib/db/prisma";
import { TAGS } from "@/lib/cache-tags";
import { PUBLICATION_SLUG } from "@/lib/fields";

export type PublicationInfo = { id: number; slug: string; name: string; description: string; isDefault: boolean };

const select = { id: true, slug: true, name: true, description: true, isDefault: true } as const;

export async function listPublications(): Promise<PublicationInfo[]> {
  "use cache";
  cacheTag(TAGS.publications);
  cacheLife("reader");
  return prisma.publication.findMany({ select, orderBy: [{ isDefault: "desc" }, { id: "asc" }] });
}

/** The publication whose URLs have no /p/{slug} prefix; the first one if none is marked default. */
export async function getDefaultPublication(): Promise<PublicationInfo | null> {
  return (await listPublications())[0] ?? null;
}

/** Cached per slug, so a newly added publication is found without waiting for the list to be revalidated. */
export async function getPublicationBySlug(slug: string): Promise<PublicationInfo | null> {
  if (!PUBLICATION_SLUG.test(slug)) return null;
  return findPublicationBySlug(slug);
}

async function findPublicationBySlug(slug: string): Promise<PublicationInfo | null> {
  "use cache";
  cacheTag(TAGS.publications);
  cacheLife("reader");
  return prisma.publication.findUnique({ where: { slug }, select });
}
