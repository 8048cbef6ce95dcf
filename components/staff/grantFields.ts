import type { TFunction } from "i18next";
import type { TSimpleField } from "../form/SimpleForm";
import { staffRoles } from "@/lib/users/schema";

/**
 * A role and where it holds (one department or all): the fields of a grant, asked both when an
 * account is made and when a role is added to it.
 */
export function grantFields(t: TFunction, departments: { code: string; name: string }[]): TSimpleField[] {
  return [
    {
      name: "role",
      type: "select",
      label: t("users:field.role"),
      options: staffRoles.map((role) => ({ value: role, label: t(`staff:role.${role}`) })),
    },
    {
      name: "scope",
      type: "select",
      label: t("users:field.scope"),
      hint: t("users:field.scopeHint"),
      options: [
        { value: "all", label: t("staff:allDepartments") },
        ...departments.map((d) => ({ value: d.code, label: d.name })),
      ],
    },
  ];
}
