"use client";

import { useRef, useState } from "react";
import { Field, inputClass } from "@/components/ui/Field";
import { buttonClass } from "@/components/ui/Button";

type Props = {
  labels: Record<"body" | "bodyHint" | "preview" | "previewHint" | "previewEmpty" | "previewButton", string>;
  value: string;
  error: string | undefined;
  describedBy: string | undefined;
  /** the body rendered by the server's sanitiser: what was typed when the page was drawn */
  previewHtml: string;
  /** the live preview: renders the body as it is typed (JavaScript), through the same sanitiser */
  renderPreview: (body: string, topLevel: 3 | 4) => Promise<string>;
  /** the level of the preview's heading under the page's own headings */
  headingLevel: 2 | 3;
};

/**
 * The notice's Markdown body beside its preview: drawn by the server, redrawn as it is typed when
 * JavaScript runs, or by the preview button (a post to the preview route) when it does not.
 */
export function NoticeBody({
  labels,
  value,
  error,
  describedBy,
  previewHtml,
  renderPreview,
  headingLevel,
}: Props) {
  // what the live preview drew last; until then, the server's rendering of the page's body
  const [live, setLive] = useState<string | null>(null);
  const preview = live ?? previewHtml;
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  // redrawn a moment after typing stops, not on every key
  const bodyChanged = (body: string) => {
    clearTimeout(typing.current);
    typing.current = setTimeout(() => {
      renderPreview(body, headingLevel === 2 ? 3 : 4).then(setLive, () => undefined);
    }, 300);
  };
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Field id="notice-body" label={labels.body} hint={labels.bodyHint} error={error}>
        <textarea
          key={value.length}
          id="notice-body"
          name="body"
          rows={14}
          defaultValue={value}
          onChange={(event) => bodyChanged(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputClass} font-mono`}
        />
      </Field>
      <section
        id="notice-preview"
        aria-labelledby="notice-preview-title"
        className="grid content-start gap-1"
      >
        <Heading id="notice-preview-title" className="font-medium">
          {labels.preview}
        </Heading>
        <p className="text-sm text-muted">{labels.previewHint}</p>
        {preview ? (
          <div
            className="prose-gov max-h-96 overflow-y-auto border border-line bg-panel p-3"
            dangerouslySetInnerHTML={{ __html: preview }}
          />
        ) : (
          <p className="border border-line bg-panel p-3 text-muted">{labels.previewEmpty}</p>
        )}
        <button
          type="submit"
          formAction="/api/forms/notice-preview"
          className={buttonClass("secondary", "justify-self-start")}
        >
          {labels.previewButton}
        </button>
      </section>
    </div>
  );
}
