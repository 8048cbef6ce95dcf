import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { Field, inputClass } from "./Field";
import { Button } from "./Button";
import { codeOptions } from "@/lib/i18n/options";

const columns = { 3: "md:grid-cols-3", 5: "md:grid-cols-5" } as const;

type TOption = { value: string; label: string };
type TGroup = { label: string; options: TOption[] };

/** One select of a filter bar: its query parameter, label, current value and choices. */
export type TFilter = {
  name: string;
  label: string;
  value: string | number | undefined;
  options?: TOption[];
  groups?: TGroup[];
};

/**
 * The filters of a list whose choices are codes, each labelled by its translation
 * `${prefix}.${code}` and set to the list's `current` value of it: a filter is then one line.
 */
export function codeFilters<F extends Record<string, unknown>>(t: TFunction, current: F) {
  return (name: keyof F & string, label: string, prefix: string, codes: readonly string[]): TFilter => ({
    name,
    label,
    value: current[name] as TFilter["value"],
    options: codeOptions(t, prefix, codes),
  });
}

/**
 * A catalogue's filter bar: a GET form (works without JavaScript, and every filtered list has
 * its own address) with the controls side by side on wide screens and a submit button. Other
 * controls (`children`) come first, then one select per filter, with ids `${idPrefix}-${name}`.
 * On a phone the bar folds behind one "Filters" control (a <details>, no JavaScript needed) that
 * says how many filters are applied; on wider screens it is always open.
 */
export function FilterForm({
  t,
  cols = 5,
  idPrefix = "f",
  filters = [],
  children,
  searched,
}: {
  t: TFunction;
  cols?: keyof typeof columns;
  idPrefix?: string;
  filters?: TFilter[];
  children?: ReactNode;
  /** a keyword is applied too (counted with the filters) */
  searched?: boolean;
}) {
  const applied = filters.filter((filter) => filter.value !== undefined && filter.value !== "").length;
  const count = applied + (searched ? 1 : 0);
  return (
    <details
      id={`${idPrefix}-filters`}
      className="group sm:[&::details-content]:[content-visibility:visible]"
    >
      <summary className="cursor-pointer list-none border-2 border-brand bg-panel px-4 py-2 font-bold text-brand sm:hidden [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="mr-2 inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {count ? t("filtersApplied", { count }) : t("applyFilters")}
      </summary>
      <form
        method="get"
        className={`grid items-end gap-4 bg-panel p-4 ${columns[cols]}`}
        aria-label={t("filters")}
      >
        {children}
        {filters.map(({ name, value, ...filter }) => (
          <FilterSelect
            key={name}
            id={`${idPrefix}-${name}`}
            name={name}
            value={value?.toString()}
            allLabel={t("all")}
            {...filter}
          />
        ))}
        <Button>{t("applyFilters")}</Button>
      </form>
    </details>
  );
}

/** The keyword box of a filter bar, always sent as `q`. */
export function FilterSearch({ id, label, value }: { id: string; label: string; value: string | undefined }) {
  return (
    <Field id={id} label={label}>
      <input id={id} name="q" type="search" defaultValue={value} className={inputClass} />
    </Field>
  );
}

/**
 * One filter: a labelled select whose first option ("all") clears it. Options may come in
 * groups (streets under their district), shown as optgroups.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  allLabel,
  options = [],
  groups = [],
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options?: TOption[];
  groups?: TGroup[];
}) {
  const optionList = (list: TOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{allLabel}</option>
        {optionList(options)}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {optionList(group.options)}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}
