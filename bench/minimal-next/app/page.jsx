// A static page about as large as a reader's article view (≈ 45 KB of HTML).
const paragraphs = Array.from(
  { length: 60 },
  (_, i) => `Paragraph ${i + 1}. ${"Static text of a newspaper article. ".repeat(20)}`,
);

export default function Page() {
  return (
    <main>
      <h1>Minimal Next.js page</h1>
      {paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </main>
  );
}
