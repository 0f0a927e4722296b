import { absoluteUrl } from "@/lib/site";
import { jsonForScript } from "@/lib/sharing/json-ld";
import type { ArticleSummary, EditionSnapshot, PageSummary } from "@/lib/reading/types";

/** schema.org NewsArticle with where it stands in print; `url` is the article's path, its card is `${url}/card.jpg`. */
export function NewsArticleJsonLd({
  edition,
  page,
  article,
  url,
}: {
  edition: EditionSnapshot;
  page: PageSummary;
  article: ArticleSummary;
  url: string;
}) {
  const published = `${edition.issueDate}T00:00:00+08:00`;
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    ...(article.lead ? { description: article.lead } : {}),
    image: [absoluteUrl(page.image ? `${url}/card.jpg` : "/icon-512.png")],
    datePublished: published,
    // An edit made before the edition came out is not a modification readers could see.
    dateModified: article.updatedAt > new Date(published).toISOString() ? article.updatedAt : published,
    inLanguage: "zh-CN",
    url: absoluteUrl(url),
    mainEntityOfPage: absoluteUrl(url),
    printEdition: `第${edition.issueNumber}期`,
    printPage: page.code,
    printSection: page.name,
    ...(article.byline
      ? { author: { "@type": "Person", name: article.byline.replace(/^[□\s]*(记者|通讯员)?\s*/, "") } }
      : {}),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: edition.publication.name,
      logo: { "@type": "ImageObject", url: absoluteUrl("/icon-512.png"), width: 512, height: 512 },
    },
    isPartOf: {
      "@type": "PublicationIssue",
      issueNumber: String(edition.issueNumber),
      datePublished: edition.issueDate,
      pageStart: page.code,
      isPartOf: { "@type": "Periodical", name: edition.publication.name },
    },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
