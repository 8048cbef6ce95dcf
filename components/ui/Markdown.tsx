import { renderMarkdown } from "@/lib/content/markdown";

/** Sanitised Markdown content, marked with the language it is written in. */
export function Markdown({
  source,
  lang,
  topLevel,
}: {
  source: string;
  lang?: string;
  topLevel?: 2 | 3 | 4;
}) {
  return (
    <div
      className="prose-gov"
      lang={lang}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source, { topLevel }) }}
    />
  );
}
