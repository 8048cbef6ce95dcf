"use client";

import { useRef, useState } from "react";
import type { TFormState } from "@/lib/actions/formState";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { formTarget, useFormAction } from "@/components/form/useFormAction";
import { Field, inputClass } from "@/components/ui/Field";
import { PlaceCheckboxes, type TLabelledTree } from "./PlaceCheckboxes";
import { Button, buttonClass } from "@/components/ui/Button";

export type TNoticeFormLabels = Record<
  | "title"
  | "titleEn"
  | "titleEnHint"
  | "category"
  | "source"
  | "body"
  | "bodyHint"
  | "scope"
  | "scopeHint"
  | "publishAt"
  | "publishAtHint"
  | "expiresAt"
  | "expiresAtHint"
  | "pinned"
  | "urgent"
  | "urgentHint"
  | "date"
  | "time"
  | "timeHint"
  | "preview"
  | "previewHint"
  | "previewEmpty"
  | "previewButton"
  | "attachments"
  | "attachmentsHint"
  | "removeAttachment"
  | "save"
  | "errorTitle"
  | "choose",
  string
> & { whole: string };

type Props = {
  /** the form route it posts to (lib/actions/formRoute), which streams the attachments */
  postTo: string;
  /** the state the route kept when it sent the browser back (errors, what was typed) */
  returned?: TFormState | null;
  labels: TNoticeFormLabels;
  messages: Record<string, string>;
  categories: { value: string; label: string }[];
  tree: TLabelledTree;
  hidden?: Record<string, string>;
  initialValues?: Record<string, string>;
  attachments?: { id: string; label: string }[];
  /** the body rendered by the server's sanitiser: what was typed when the page was drawn */
  previewHtml: string;
  /** the live preview: renders the body as it is typed (JavaScript), through the same sanitiser */
  renderPreview: (body: string, topLevel: 3 | 4) => Promise<string>;
  /** the level of the preview's heading under the page's own headings */
  headingLevel?: 2 | 3;
};

/** Every half hour of the day on the 24-hour clock: the time fields' suggestions. */
const halfHours = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
);

/** A moment as the form shows it: its date, and its 24-hour time (seconds only when there are any). */
function splitMoment(value: string): { date: string; time: string } {
  const [date = "", time = ""] = value.split("T");
  return { date, time: time.endsWith(":00") && time.length === 8 ? time.slice(0, 5) : time };
}

/**
 * The notice editor: a plain multipart form posted to a form route, which streams the attachments;
 * it posts without JavaScript and comes back with field errors and everything typed (scope boxes
 * included).
 */
export function NoticeForm({
  postTo,
  returned,
  labels,
  messages,
  categories,
  tree,
  hidden = {},
  initialValues,
  attachments = [],
  previewHtml,
  renderPreview,
  headingLevel = 2,
}: Props) {
  const { state, formAction, pending, summary, errors, message } = useFormAction(
    undefined,
    messages,
    initialValues,
    returned,
    {
      title: { label: labels.title, kind: "input" },
      titleEn: { label: labels.titleEn, kind: "input" },
      category: { label: labels.category, kind: "choice" },
      source: { label: labels.source, kind: "input" },
      body: { label: labels.body, kind: "input" },
      scope: { label: labels.scope, kind: "multi" },
      publishAt: { label: labels.publishAt, kind: "input" },
      expiresAt: { label: labels.expiresAt, kind: "input" },
      attachments: { label: labels.attachments, kind: "file" },
    },
  );
  const v = (name: string) => state.values[name] ?? "";
  const err = (name: string) =>
    state.fieldErrors[name] ? message(state.fieldErrors[name], name) : undefined;
  const described = (name: string, hint?: boolean) =>
    [hint ? `notice-${name}-hint` : "", err(name) ? `notice-${name}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const text = (name: string, label: string, hint?: string, type = "text") => (
    <Field id={`notice-${name}`} label={label} hint={hint} error={err(name)}>
      <input
        key={v(name)}
        id={`notice-${name}`}
        name={name}
        type={type}
        defaultValue={v(name)}
        aria-invalid={err(name) ? true : undefined}
        aria-describedby={described(name, !!hint)}
        className={inputClass}
      />
    </Field>
  );
  const removed = new Set(v("removeAttachments").split("\n"));
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
  // a moment: the date, then the time of day on the 24-hour clock (a text field with suggestions,
  // so it reads the same in every browser and language)
  const moment = (name: "publishAt" | "expiresAt", legend: string, hint: string) => {
    const kept = splitMoment(v(name));
    const time = state.values[`${name}Time`] ?? kept.time;
    const errors = [err(name), err(`${name}Time`)].filter(Boolean);
    return (
      <fieldset
        aria-describedby={`notice-${name}-hint`}
        className={`grid gap-2 ${errors.length ? "border-l-4 border-brand pl-3" : ""}`}
      >
        <legend className="font-medium">{legend}</legend>
        <p id={`notice-${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
        <div className="flex flex-wrap gap-4">
          <div className="grid gap-1">
            <label htmlFor={`notice-${name}`}>{labels.date}</label>
            {err(name) ? (
              <p id={`notice-${name}-error`} className="font-bold text-brand">
                {err(name)}
              </p>
            ) : null}
            <input
              key={kept.date}
              id={`notice-${name}`}
              name={name}
              type="date"
              defaultValue={kept.date}
              aria-invalid={err(name) ? true : undefined}
              aria-describedby={err(name) ? `notice-${name}-error` : undefined}
              className={inputClass}
            />
          </div>
          <div className="grid gap-1">
            <label htmlFor={`notice-${name}Time`}>{labels.time}</label>
            <p id={`notice-${name}Time-hint`} className="text-sm text-muted">
              {labels.timeHint}
            </p>
            {err(`${name}Time`) ? (
              <p id={`notice-${name}Time-error`} className="font-bold text-brand">
                {err(`${name}Time`)}
              </p>
            ) : null}
            <input
              key={time}
              id={`notice-${name}Time`}
              name={`${name}Time`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              list="notice-times"
              size={8}
              defaultValue={time}
              aria-invalid={err(`${name}Time`) ? true : undefined}
              aria-describedby={[
                `notice-${name}Time-hint`,
                err(`${name}Time`) ? `notice-${name}Time-error` : "",
              ]
                .filter(Boolean)
                .join(" ")}
              className={`${inputClass} w-32`}
            />
          </div>
        </div>
      </fieldset>
    );
  };

  return (
    <form {...formTarget(postTo, formAction)} className="grid max-w-6xl gap-4" noValidate>
      <ErrorSummary
        ref={summary}
        title={labels.errorTitle}
        errors={errors}
        id="notice-error-summary"
        fieldPrefix="notice"
      />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {text("title", labels.title)}
      {text("titleEn", labels.titleEn, labels.titleEnHint)}
      <Field id="notice-category" label={labels.category} error={err("category")}>
        <select
          key={v("category")}
          id="notice-category"
          name="category"
          defaultValue={v("category")}
          aria-invalid={err("category") ? true : undefined}
          aria-describedby={described("category")}
          className={inputClass}
        >
          <option value="">{labels.choose}</option>
          {categories.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      {text("source", labels.source)}
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="notice-body" label={labels.body} hint={labels.bodyHint} error={err("body")}>
          <textarea
            key={v("body").length}
            id="notice-body"
            name="body"
            rows={14}
            defaultValue={v("body")}
            onChange={(event) => bodyChanged(event.target.value)}
            aria-invalid={err("body") ? true : undefined}
            aria-describedby={described("body", true)}
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
      <fieldset
        id="notice-scope"
        aria-describedby={described("scope", true)}
        className={`grid gap-2 ${err("scope") ? "border-l-4 border-brand pl-3" : ""}`}
      >
        <legend className="font-medium">{labels.scope}</legend>
        <p id="notice-scope-hint" className="text-sm text-muted">
          {labels.scopeHint}
        </p>
        {err("scope") ? (
          <p id="notice-scope-error" className="font-bold text-brand">
            {err("scope")}
          </p>
        ) : null}
        <PlaceCheckboxes
          tree={tree}
          name="scope"
          selected={v("scope").split("\n")}
          idPrefix="notice-scope"
          wholeLabel={(place) => labels.whole.replace("{{place}}", place)}
        />
      </fieldset>
      <datalist id="notice-times">
        {halfHours.map((time) => (
          <option key={time} value={time} />
        ))}
      </datalist>
      {moment("publishAt", labels.publishAt, labels.publishAtHint)}
      {moment("expiresAt", labels.expiresAt, labels.expiresAtHint)}
      <div className="grid gap-1">
        <label className="flex items-center gap-2 font-medium">
          <input
            key={v("urgent")}
            type="checkbox"
            name="urgent"
            value="on"
            defaultChecked={v("urgent") === "on"}
            aria-describedby="notice-urgent-hint"
            className="h-5 w-5"
            id="notice-urgent"
          />
          {labels.urgent}
        </label>
        <p id="notice-urgent-hint" className="ml-7 text-sm text-muted">
          {labels.urgentHint}
        </p>
      </div>
      <label className="flex items-center gap-2">
        <input
          key={v("pinned")}
          type="checkbox"
          name="pinned"
          value="on"
          defaultChecked={v("pinned") === "on"}
          className="h-5 w-5"
          id="notice-pinned"
        />
        {labels.pinned}
      </label>
      {attachments.length ? (
        <fieldset className="grid gap-1">
          <legend className="font-medium">{labels.removeAttachment}</legend>
          {attachments.map((file) => (
            <label key={file.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="removeAttachments"
                value={file.id}
                defaultChecked={removed.has(file.id)}
                className="h-5 w-5"
              />
              {file.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Field
        id="notice-attachments"
        label={labels.attachments}
        hint={labels.attachmentsHint}
        error={err("attachments")}
      >
        <input
          id="notice-attachments"
          name="attachments"
          type="file"
          multiple
          accept="application/pdf,image/jpeg,image/png"
          aria-invalid={err("attachments") ? true : undefined}
          aria-describedby={described("attachments", true)}
          className={inputClass}
        />
      </Field>
      <Button disabled={pending} className="justify-self-start">
        {labels.save}
      </Button>
    </form>
  );
}
