import { jsonLdText } from "@/lib/seo/jsonLd";

/** Structured data for search engines; the JSON is escaped by jsonLdText, so it cannot close the script. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
