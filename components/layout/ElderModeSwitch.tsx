"use client";

import { Button } from "@/components/ui/Button";
import { useCurrentPath } from "./useCurrentPath";

type Props = {
  locale: string;
  elder: boolean;
  /** the path and query the server rendered; the browser's own path replaces it after a client navigation */
  path: string;
  label: string;
};

/**
 * The 长辈版 / 标准版 switch: a plain form post (app/[locale]/elder-mode) that comes back to the
 * page the visitor is on, with or without JavaScript.
 */
export function ElderModeSwitch({ locale, elder, path, label }: Props) {
  const returnTo = useCurrentPath(path);
  return (
    <form method="post" action={`/${locale}/elder-mode`}>
      <input type="hidden" name="elder" value={elder ? "0" : "1"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Button variant="link">{label}</Button>
    </form>
  );
}
