import { Link } from "@/components/ui/Link";

type Props = {
  label: string;
  status: string;
  steps: { id: string; title: string; href: string | null }[];
  current: string;
};

/** "Step 2 of 4" with the list of steps; finished steps are links back. */
export function ProgressSteps({ label, status, steps, current }: Props) {
  return (
    <nav aria-label={label} className="grid gap-2">
      <p className="text-muted">{status}</p>
      <ol className="flex flex-wrap gap-2">
        {steps.map((step, index) => (
          <li
            key={step.id}
            className={`border px-3 py-1 ${step.id === current ? "border-2 border-brand font-bold" : "border-line"}`}
          >
            {step.href && step.id !== current ? (
              <Link href={step.href}>{`${index + 1}. ${step.title}`}</Link>
            ) : (
              <span
                aria-current={step.id === current ? "step" : undefined}
              >{`${index + 1}. ${step.title}`}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
