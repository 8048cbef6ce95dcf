import { renderMarkdown } from "@/lib/content/markdown";

/** Sanitised Markdown content, marked with the language it is written in. */
export function Markdown({ source, lang }: { source: string; lang?: string }) {
  return <div className="prose-gov" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
