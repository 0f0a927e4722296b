import type { ArticleBlock } from "@/lib/reading/types";

/** Paragraphs, subheads and images with captions, sized by the reader's 字号 step (see globals.css). */
export function ArticleBody({ blocks }: { blocks: ArticleBlock[] }) {
  return (
    <div className="article-text">
      {blocks.map((block, index) => {
        if (block.type === "paragraph") return <p key={index}>{block.text}</p>;
        if (block.type === "subhead") return <h2 key={index}>{block.text}</h2>;
        return (
          <figure key={index}>
            <img
              src={block.src}
              width={block.width}
              height={block.height}
              alt={block.caption || "新闻图片"}
              loading="lazy"
              className="h-auto max-w-full"
            />
            {block.caption && <figcaption>{block.caption}</figcaption>}
          </figure>
        );
      })}
    </div>
  );
}
