import type { IsoDate } from "@/lib/reading/dates";

/** Where a view's links go. The reader builds them from its URL scheme; the admin's preview can point them at its own routes. */
export type EditionLinks = {
  /** Links inside the edition are `${base}/a01`, `${base}/a01/3`, `${base}/a01/3/full`. */
  base: string;
  home: string;
  /** 往期阅读; null hides it (preview). */
  archive: string | null;
  previousEdition: { href: string; date: IsoDate } | null;
  nextEdition: { href: string; date: IsoDate } | null;
};
