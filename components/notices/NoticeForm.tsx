"use client";

import type { TFormState } from "@/lib/actions/formState";
import { FormHead } from "@/components/form/ErrorSummary";
import { formTarget, useFormAction } from "@/components/form/useFormAction";
import { Field, inputClass } from "@/components/ui/Field";
import { PlaceCheckboxes, type TLabelledTree } from "./PlaceCheckboxes";
import { Button } from "@/components/ui/Button";
import { HalfHourList, MomentField } from "./MomentField";
import { NoticeBody } from "./NoticeBody";
import type { TNoticeFormLabels } from "./noticeFormLabels";

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

/** A box that is on or off; a hint below it when it needs one. */
function Checkbox({
  name,
  label,
  checked,
  hint,
}: {
  name: string;
  label: string;
  checked: boolean;
  hint?: string;
}) {
  const box = (
    <label className={hint ? "flex items-center gap-2 font-medium" : "flex items-center gap-2"}>
      <input
        key={checked ? "on" : ""}
        type="checkbox"
        name={name}
        value="on"
        defaultChecked={checked}
        aria-describedby={hint ? `notice-${name}-hint` : undefined}
        className="h-5 w-5"
        id={`notice-${name}`}
      />
      {label}
    </label>
  );
  if (!hint) return box;
  return (
    <div className="grid gap-1">
      {box}
      <p id={`notice-${name}-hint`} className="ml-7 text-sm text-muted">
        {hint}
      </p>
    </div>
  );
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
  const moment = (name: "publishAt" | "expiresAt", legend: string, hint: string) => (
    <MomentField
      name={name}
      legend={legend}
      hint={hint}
      labels={labels}
      value={v(name)}
      typedTime={state.values[`${name}Time`]}
      dateError={err(name)}
      timeError={err(`${name}Time`)}
    />
  );

  return (
    <form {...formTarget(postTo, formAction)} className="grid max-w-6xl gap-4" noValidate>
      <FormHead
        summary={summary}
        title={labels.errorTitle}
        errors={errors}
        idPrefix="notice"
        hidden={hidden}
      />
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
      <NoticeBody
        labels={labels}
        value={v("body")}
        error={err("body")}
        describedBy={described("body", true)}
        previewHtml={previewHtml}
        renderPreview={renderPreview}
        headingLevel={headingLevel}
      />
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
      <HalfHourList />
      {moment("publishAt", labels.publishAt, labels.publishAtHint)}
      {moment("expiresAt", labels.expiresAt, labels.expiresAtHint)}
      <Checkbox name="urgent" label={labels.urgent} hint={labels.urgentHint} checked={v("urgent") === "on"} />
      <Checkbox name="pinned" label={labels.pinned} checked={v("pinned") === "on"} />
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
