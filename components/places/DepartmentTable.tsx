import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { LocalText } from "../ui/LocalText";
import { Table } from "../ui/Table";

type TDepartment = {
  code: string;
  name: string;
  nameEn: string;
  address: string;
  hours: string;
  phone: string;
  email: string;
};

/** Where to find each department: its address, opening hours, telephone and e-mail. */
export function DepartmentTable({
  locale,
  t,
  departments,
  caption,
}: {
  locale: TLocale;
  t: TFunction;
  departments: TDepartment[];
  caption?: string;
}) {
  return (
    <Table
      caption={caption}
      rows={departments}
      rowKey={(d) => d.code}
      headers={(key) => t(`department.${key}`)}
      columns={[
        { key: "name", cell: (d) => <LocalText locale={locale} zh={d.name} en={d.nameEn} /> },
        { key: "address", cell: (d) => <LocalText locale={locale} zh={d.address} /> },
        { key: "hours", cell: (d) => <LocalText locale={locale} zh={d.hours} /> },
        { key: "phone", cell: (d) => d.phone, nowrap: true },
        { key: "email", cell: (d) => d.email },
      ]}
    />
  );
}
