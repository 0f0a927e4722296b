import type { EditionSnapshot } from "@/lib/reading/types";

export function ReaderFooter({ edition }: { edition: EditionSnapshot }) {
  return (
    <footer className="mt-8 border-t border-neutral-300 py-4 text-center text-sm text-neutral-700 print:hidden dark:border-neutral-700 dark:text-neutral-300">
      {edition.publication.name} 数字报 · 版面 Banmian
    </footer>
  );
}
