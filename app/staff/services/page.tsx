import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { listServicesForAdmin } from "@/lib/services/queries";

export const generateMetadata = staffPageMetadata("staff", "staff:services.title");

/** The service catalogue for administrators: each service's guide and form can be edited. */
export default async function StaffServicesPage() {
  const actor = await requireStaff();
  const services = await orNotFound(listServicesForAdmin({ actor }));
  const t = await getT(defaultLocale, "staff");
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:services.title")}</h1>
      <ul className="grid gap-2">
        {services.map((s) => (
          <li key={s.code}>
            <Link href={`/staff/services/${s.code}`}>
              {s.code} · {s.name}
            </Link>
            <span className="text-muted">
              {" "}
              · {s.department.shortName} ·{" "}
              {s.published ? t("staff:services.published") : t("staff:services.unpublished")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
