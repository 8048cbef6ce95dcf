import { inputClass } from "@/components/ui/Field";

/** Every half hour of the day on the 24-hour clock: the time fields' suggestions. */
const halfHours = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
);

/** The time fields' suggestions, once a form (`list="notice-times"`). */
export function HalfHourList() {
  return (
    <datalist id="notice-times">
      {halfHours.map((time) => (
        <option key={time} value={time} />
      ))}
    </datalist>
  );
}

/** A moment as the form shows it: its date, and its 24-hour time (seconds only when there are any). */
export function splitMoment(value: string): { date: string; time: string } {
  const [date = "", time = ""] = value.split("T");
  return { date, time: time.endsWith(":00") && time.length === 8 ? time.slice(0, 5) : time };
}

type Props = {
  name: "publishAt" | "expiresAt";
  legend: string;
  hint: string;
  labels: { date: string; time: string; timeHint: string };
  /** what the form holds for the moment (`2026-05-01T08:00:00`) and, after a failed post, the time typed */
  value: string;
  typedTime: string | undefined;
  dateError: string | undefined;
  timeError: string | undefined;
};

/**
 * A moment: the date, then the time of day on the 24-hour clock (a text field with suggestions, so
 * it reads the same in every browser and language).
 */
export function MomentField({ name, legend, hint, labels, value, typedTime, dateError, timeError }: Props) {
  const kept = splitMoment(value);
  const time = typedTime ?? kept.time;
  const id = `notice-${name}`;
  return (
    <fieldset
      aria-describedby={`${id}-hint`}
      className={`grid gap-2 ${dateError || timeError ? "border-l-4 border-brand pl-3" : ""}`}
    >
      <legend className="font-medium">{legend}</legend>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      <div className="flex flex-wrap gap-4">
        <div className="grid gap-1">
          <label htmlFor={id}>{labels.date}</label>
          {dateError ? (
            <p id={`${id}-error`} className="font-bold text-brand">
              {dateError}
            </p>
          ) : null}
          <input
            key={kept.date}
            id={id}
            name={name}
            type="date"
            defaultValue={kept.date}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-error` : undefined}
            className={inputClass}
          />
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}Time`}>{labels.time}</label>
          <p id={`${id}Time-hint`} className="text-sm text-muted">
            {labels.timeHint}
          </p>
          {timeError ? (
            <p id={`${id}Time-error`} className="font-bold text-brand">
              {timeError}
            </p>
          ) : null}
          <input
            key={time}
            id={`${id}Time`}
            name={`${name}Time`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            list="notice-times"
            size={8}
            defaultValue={time}
            aria-invalid={timeError ? true : undefined}
            aria-describedby={[`${id}Time-hint`, timeError ? `${id}Time-error` : ""]
              .filter(Boolean)
              .join(" ")}
            className={`${inputClass} w-32`}
          />
        </div>
      </div>
    </fieldset>
  );
}
