// The shapes the reader views are rendered from. The data layer builds them
// from the database; the views and the pure reading logic only see these.
import type { BodyBlock, Region } from "@/lib/content";
import type { DeepZoom } from "@/lib/deep-zoom";
import type { IsoDate } from "./dates";

export type PageImage = {
  /** URL of the image shown on the page view. */
  src: string;
  srcSet: string;
  /** Size of the original image; regions are in these pixels. */
  width: number;
  height: number;
  /** Deep-zoom tiles, `url` being the media URL of their key; null for images uploaded before tiles existed. */
  tiles: (DeepZoom & { url: string }) | null;
};

export type ArticleSummary = {
  id: number;
  /** 1-based position on its page: the number in the article's URL. */
  position: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  /** The first paragraph, shortened, for text layouts and descriptions. */
  lead: string;
  regions: Region[];
  nextPartId: number | null;
  /** When an editor last changed the article (ISO 8601), for dateModified. */
  updatedAt: string;
};

export type PageSummary = {
  id: number;
  code: string;
  name: string;
  image: PageImage | null;
  pdfUrl: string | null;
  articles: ArticleSummary[];
};

export type EditionSnapshot = {
  id: number;
  publication: { id: number; slug: string; name: string; isDefault: boolean };
  issueDate: IsoDate;
  issueNumber: number;
  status: "DRAFT" | "PUBLISHED";
  /** In reading order. */
  pages: PageSummary[];
};

/** Body blocks ready to render: an image block carries its URL. */
export type ArticleBlock =
  | Exclude<BodyBlock, { type: "image" }>
  | { type: "image"; src: string; caption: string; width: number; height: number };

export type ArticleBody = { id: number; blocks: ArticleBlock[] };

/** One published edition in the list of a publication's editions. */
export type EditionIndexEntry = { id: number; issueDate: IsoDate; issueNumber: number };

/** Where a view's links go. The reader builds them from its URL scheme; the admin's preview can point them at its own routes. */
export type EditionLinks = {
  /** Links inside the edition are `${base}/a01`, `${base}/a01/3`, `${base}/a01/3/full`. */
  base: string;
  home: string;
  /** 往期阅读; null hides it (preview). */
  archive: string | null;
  previousEdition: { href: string; date: IsoDate } | null;
  nextEdition: { href: string; date: IsoDate } | null;
  /** Whether `${base}/a01/clip/…` (剪报) exists: the reader's, not the preview's. */
  clips?: boolean;
  /** Whether to show the share row (分享, 复制链接, 二维码, 分享海报): the reader's, not the preview's. */
  share?: boolean;
};
