import type { ButtonHTMLAttributes } from "react";

export type TButtonVariant = "primary" | "secondary" | "warning" | "link";

const variants: Record<TButtonVariant, string> = {
  primary: "min-h-10 bg-brand px-4 py-2 font-bold text-white",
  secondary: "min-h-10 border-2 border-line bg-panel px-4 py-2 font-bold text-ink",
  // irreversible actions (refuse, send back, withdraw) must not look like the way forward
  warning: "min-h-10 border-2 border-brand-dark bg-white px-4 py-2 font-bold text-brand-dark",
  link: "text-link underline",
};

/** The classes of a button variant, for a link that acts as a button. */
export function buttonClass(variant: TButtonVariant = "primary", extra = ""): string {
  return `${variants[variant]} ${extra}`.trim();
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant };

/** A form button in one of the portal's variants; `type` defaults to submit. */
export function Button({ variant = "primary", className = "", type = "submit", ...rest }: Props) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}
