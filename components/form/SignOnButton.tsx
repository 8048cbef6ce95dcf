import { Button } from "@/components/ui/Button";

/**
 * A plain form that sends the browser to the unified sign-on (a server action starts it, so it
 * works without JavaScript).
 */
export function SignOnButton({
  action,
  hidden,
  label,
  hint,
}: {
  action: (formData: FormData) => Promise<void>;
  hidden: Record<string, string>;
  label: string;
  hint?: string;
}) {
  return (
    <form action={action} className="grid gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      <Button variant="secondary" className="justify-self-start">
        {label}
      </Button>
    </form>
  );
}
