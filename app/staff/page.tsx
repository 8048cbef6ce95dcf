import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { requireStaff } from "@/lib/auth/session";
import { staffScopeSummary } from "@/lib/users/staffQueries";
import { signOutStaff } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "staff");
  return { title: t("staff:workbench") };
}

/** The workbench; on the server, anyone but staff is sent to the staff sign-in page. */
export default async function StaffHomePage() {
  const user = await requireStaff();
  const [t, scope] = await Promise.all([getT(defaultLocale, ["staff"]), staffScopeSummary(user)]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:workbench")}</h1>
      <p>{t("staff:signedInAs", { name: user.name, email: user.email })}</p>
      <section aria-labelledby="roles">
        <h2 id="roles" className="text-xl font-bold mb-2">{t("staff:roles")}</h2>
        <ul className="list-disc ml-6">
          {scope.map((grant) => (
            <li key={`${grant.role}-${grant.department ?? "all"}`}>
              {t(`staff:role.${grant.role}`)} · {grant.departmentName ?? t("staff:allDepartments")}
            </li>
          ))}
        </ul>
      </section>
      <form action={signOutStaff}>
        <button type="submit" className="underline text-link">{t("staff:signOut")}</button>
      </form>
    </div>
  );
}
