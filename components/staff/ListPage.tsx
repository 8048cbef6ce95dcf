import type { ReactNode } from "react";
import { Table, type TTableProps } from "@/components/ui/Table";
import { StaffPage } from "./StaffPage";

type Props<R> = Omit<TTableProps<R>, "caption" | "dense"> & {
  /** the page's heading, which captions its table too */
  title: string;
  /** what stands between the heading and the table: a link to add one, a count, a notice */
  above?: ReactNode;
};

/** A staff page that lists one kind of thing: its heading, then the dense table of them. */
export function ListPage<R>({ title, above, ...table }: Props<R>) {
  return (
    <StaffPage title={title} className="grid gap-4">
      {above}
      <Table dense caption={title} {...table} />
    </StaffPage>
  );
}
