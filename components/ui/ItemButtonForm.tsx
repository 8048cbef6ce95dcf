import { Button, type TButtonVariant } from "./Button";

type Props = {
  action: (formData: FormData) => void | Promise<void>;
  /** what the action is told about the item, as hidden fields (its id at least) */
  hidden: Record<string, string>;
  label: string;
  /** the item's name, read after the label, so each button of a list says which item it acts on */
  item: string;
  variant?: TButtonVariant;
};

/** A one-button form acting on one item of a list (disable, revoke, …). */
export function ItemButtonForm({ action, hidden, label, item, variant }: Props) {
  return (
    <form action={action}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant}>
        {label}
        <span className="sr-only"> {item}</span>
      </Button>
    </form>
  );
}
