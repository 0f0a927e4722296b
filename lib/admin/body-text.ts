// The article body as editors type it: paragraphs separated by blank lines,
// "## " starts a subhead, "![说明](key 800x600)" keeps an image block.
import { prepareBody, type BodyBlock, type PreparedBody } from "../content";

const IMAGE_LINE = /^!\[([^\]]*)\]\((\S+) (\d+)x(\d+)\)$/;

export function bodyToText(body: BodyBlock[]): string {
  return body
    .map((block) => {
      if (block.type === "subhead") return `## ${block.text}`;
      if (block.type === "image")
        return `![${block.caption.replace(/[\]\n]/g, " ")}](${block.key} ${block.width}x${block.height})`;
      return block.text;
    })
    .join("\n\n");
}

export function textToBody(text: string): BodyBlock[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk): BodyBlock => {
      const image = IMAGE_LINE.exec(chunk);
      if (image)
        return { type: "image", caption: image[1], key: image[2], width: Number(image[3]), height: Number(image[4]) };
      if (chunk.startsWith("## ")) return { type: "subhead", text: chunk.slice(3).trim() };
      return {
        type: "paragraph",
        text: chunk
          .split("\n")
          .map((line) => line.trim())
          .join("\n"),
      };
    });
}

/** The body field of the article form, ready to store (see prepareBody): over-long paragraphs split, problems named. */
export function bodyFromText(text: string): PreparedBody {
  return prepareBody(textToBody(text));
}
