import type { TStaffRole } from "../../lib/auth/types";

/** The demo accounts, one or more for each role and scope; all share one password. */
export const demoPassword = "Demo-pass-2026";

/**
 * Every demo staff account's authenticator secret (base32), published so that anyone — and any
 * test — can make the second factor's code for the demo. Never a secret a real account has.
 */
export const demoTotpSecret = "ONESTOPDEMOSTAFFTWOFACTORKEYAAAA";

export type SeedAccount = {
  email: string;
  name: string;
  accountType: "PERSON" | "ORGANISATION" | "STAFF";
  phone?: string;
  idNumber?: string;
  /**
   * The demo organisation is a verified legal person, as if the unified identity platform had
   * vouched for it already (its 统一社会信用代码 and 经办人): it can apply for 行政许可 at once.
   */
  verified?: { name: string; idNumber: string; agentName: string; agentIdNumber: string };
  /** the government sign-on (STAFF_OIDC_ISSUER) may sign this staff member in by this e-mail */
  staffSignOn?: boolean;
  /** department code, or null for all */
  grants: { role: TStaffRole; department: string | null }[];
};

/** A demo staff member with one role, in one department or (null) in all. */
function staff(
  email: string,
  name: string,
  role: TStaffRole,
  department: string | null,
  more: Pick<SeedAccount, "staffSignOn"> = {},
): SeedAccount {
  return { email, name, accountType: "STAFF", ...more, grants: [{ role, department }] };
}

export const demoAccounts: SeedAccount[] = [
  {
    email: "citizen@example.cn",
    name: "张晓明",
    accountType: "PERSON",
    phone: "13800280001",
    idNumber: "510104199003071237",
    grants: [],
  },
  { email: "citizen2@example.cn", name: "李雪梅", accountType: "PERSON", phone: "13800280002", grants: [] },
  {
    email: "org@example.cn",
    name: "成都蓉城科技有限公司",
    accountType: "ORGANISATION",
    phone: "02886001234",
    idNumber: "91510100MA61RC8H2N",
    verified: {
      name: "成都蓉城科技有限公司",
      idNumber: "91510100MA61RC8H2N",
      agentName: "张晓明",
      agentIdNumber: "510104199003071237",
    },
    grants: [],
  },
  staff("caseworker@example.cn", "王建国", "CASEWORKER", "RSJ", { staffSignOn: true }),
  staff("caseworker2@example.cn", "赵丽", "CASEWORKER", "MZJ"),
  staff("officer@example.cn", "陈静", "DISCLOSURE_OFFICER", "RSJ"),
  staff("editor@example.cn", "刘洋", "EDITOR", null),
  staff("editor2@example.cn", "周敏", "EDITOR", null),
  staff("supervisor@example.cn", "孙伟", "SUPERVISOR", "RSJ"),
  // the city's letters office: the 市长信箱, and every department's letters to oversee
  staff("letters@example.cn", "吴芳", "LETTER_HANDLER", null),
  staff("admin@example.cn", "系统管理员", "ADMIN", null),
];
