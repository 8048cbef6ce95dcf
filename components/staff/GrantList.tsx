import type { TFunction } from "i18next";

type TGrantView = { id: string; role: string; department: { name: string } | null };

/** A person's roles as text, each with its scope: "Caseworker · Human Resources Bureau". */
export function GrantList({ t, grants }: { t: TFunction; grants: TGrantView[] }) {
  if (!grants.length) return <>—</>;
  return (
    <ul>
      {grants.map((grant) => (
        <li key={grant.id}>
          {t(`staff:role.${grant.role}`)} · {grant.department?.name ?? t("staff:allDepartments")}
        </li>
      ))}
    </ul>
  );
}
