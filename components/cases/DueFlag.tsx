import type { TFunction } from "i18next";
import type { TDueFlag } from "@/lib/calendar/dueFlag";

/** 即将到期 / 已超期 mark, in words (not colour alone). */
export function DueFlag({ flag, t }: { flag: TDueFlag; t: TFunction }) {
  if (!flag) return null;
  return (
    <strong
      className={flag === "overdue" ? "bg-brand px-1 text-white" : "border-2 border-brand px-1 text-brand"}
    >
      {t(`staff:due.${flag}`)}
    </strong>
  );
}
