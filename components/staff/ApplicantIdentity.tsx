import type { TFunction } from "i18next";
import type { TCaseIdentity } from "@/lib/identity/onBehalf";
import { DefinitionList } from "@/components/ui/DefinitionList";

/**
 * Who filed a case, for the caseworker: the identity the platform verified when it was filed
 * (or that it was not verified), an organisation's 经办人, and for a 代办 the agent and the
 * principal it was filed for (the signed declaration is among the case's files).
 */
export function ApplicantIdentity({
  t,
  identity,
  applicantName,
  principal,
  declaration,
}: {
  t: TFunction;
  identity: TCaseIdentity | null;
  applicantName: string;
  principal: { name: string; idNumber: string } | null;
  /** a 代办's signed declaration (授权委托书), linked for the caseworker */
  declaration?: { id: string; fileName: string } | null;
}) {
  const rows: [string, React.ReactNode][] = [];
  if (identity) {
    rows.push([
      t("staff:identity.verified"),
      `${identity.name ?? applicantName} · ${identity.idNumber ?? ""}`,
    ]);
    if (identity.agentName)
      rows.push([
        t("staff:identity.organisationAgent"),
        `${identity.agentName} · ${identity.agentIdNumber ?? ""}`,
      ]);
  } else rows.push([t("staff:identity.verified"), t("staff:identity.notVerified", { name: applicantName })]);
  if (principal) {
    // the agent is the account holder: with the identity the platform verified, when it did
    rows.push([
      t("staff:identity.agent"),
      identity
        ? `${identity.name ?? applicantName} · ${identity.idNumber ?? ""}`
        : t("staff:identity.notVerified", { name: applicantName }),
    ]);
    rows.push([t("staff:identity.principal"), `${principal.name} · ${principal.idNumber}`]);
    rows.push([
      t("staff:purpose.onBehalfDeclaration"),
      declaration ? (
        <a href={`/api/v1/files/${declaration.id}`}>{declaration.fileName}</a>
      ) : (
        t("staff:identity.noDeclaration")
      ),
    ]);
  }
  return (
    <>
      {principal ? <p className="mb-2 font-bold">{t("staff:identity.onBehalf")}</p> : null}
      <DefinitionList className="grid gap-2 md:grid-cols-[14rem_1fr]" rowClassName="contents" items={rows} />
    </>
  );
}
