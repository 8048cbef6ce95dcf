import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatBytes } from "@/lib/i18n/format";
import { Section } from "../ui/Section";

type TFile = { id: string; fileName: string; size: number };

/** A case's files as download links with their sizes; `note` adds what a file is for. */
export function FileList<F extends TFile>({
  files,
  locale,
  t,
  note,
}: {
  files: F[];
  locale: TLocale;
  t: TFunction;
  note?: (file: F) => ReactNode;
}) {
  return (
    <ul>
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/v1/files/${file.id}`}>
            {t("fileWithSize", { name: file.fileName, size: formatBytes(locale, file.size) })}
          </a>
          {note?.(file)}
        </li>
      ))}
    </ul>
  );
}

/** A titled part of the case page listing files, left out when there are none. */
export function FileSection<F extends TFile>({
  id,
  title,
  ...list
}: { id: string; title: string } & Parameters<typeof FileList<F>>[0]) {
  if (!list.files.length) return null;
  return (
    <Section id={id} title={title}>
      <FileList {...list} />
    </Section>
  );
}
