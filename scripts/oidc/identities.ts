/**
 * The demo identities of the local identity platform (统一身份认证) and government sign-on: the
 * same people as the demo accounts of CONTRACT.md, with what a real platform vouches for.
 * `assurance_level`: L1 not checked, L2 checked against the resident ID database, L3 with a face check.
 */
export type TDemoIdentity = {
  sub: string;
  /** which client sees it: the citizen portal's platform or the staff sign-on */
  portal: "public" | "staff";
  /** what the picker says about it (English, for developers) */
  note: string;
  claims: Record<string, unknown>;
  /** how the person authenticated at the platform (RFC 8176 values) */
  amr: string[];
};

/**
 * A civil servant at the government sign-on, which vouches only for the name and the e-mail. The
 * picker's note says how they signed in, unless one is given.
 */
function staff(sub: string, name: string, email: string, amr: string[], note?: string): TDemoIdentity {
  const how = amr.includes("mfa")
    ? "signed in with a one-time code (multi-factor)"
    : "password only (no second factor)";
  return {
    sub,
    portal: "staff",
    note: note ?? `${email}, ${how}`,
    claims: { name, email, email_verified: true },
    amr,
  };
}

export const demoIdentities: TDemoIdentity[] = [
  {
    sub: "p-zhangxiaoming",
    portal: "public",
    note: "citizen@example.cn's person, real name (L2)",
    claims: {
      name: "张晓明",
      email: "citizen@example.cn",
      email_verified: true,
      phone_number: "13800280001",
      phone_number_verified: true,
      account_type: "person",
      id_number: "510104199003071237",
      assurance_level: "L2",
    },
    amr: ["pwd"],
  },
  {
    sub: "p-lixuemei",
    portal: "public",
    note: "citizen2@example.cn's person, real name (L2)",
    claims: {
      name: "李雪梅",
      email: "citizen2@example.cn",
      email_verified: true,
      phone_number: "13800280002",
      phone_number_verified: true,
      account_type: "person",
      id_number: "510107198805123021",
      assurance_level: "L2",
    },
    amr: ["pwd"],
  },
  {
    sub: "p-wangfang",
    portal: "public",
    note: "a person with no portal account yet, real name with face check (L3)",
    claims: {
      name: "王芳",
      email: "wangfang@example.cn",
      email_verified: true,
      phone_number: "13900280003",
      phone_number_verified: true,
      account_type: "person",
      id_number: "510106199508224019",
      assurance_level: "L3",
    },
    amr: ["pwd", "face"],
  },
  {
    sub: "p-liuqiang",
    portal: "public",
    note: "a platform account whose identity was never checked (L1)",
    claims: {
      name: "刘强",
      email: "liuqiang@example.cn",
      email_verified: true,
      account_type: "person",
      assurance_level: "L1",
    },
    amr: ["pwd"],
  },
  {
    sub: "o-rongcheng",
    portal: "public",
    note: "org@example.cn's company, its 经办人 张晓明 (L2)",
    claims: {
      name: "成都蓉城科技有限公司",
      email: "org@example.cn",
      email_verified: true,
      phone_number: "02886001234",
      account_type: "organisation",
      credit_code: "91510100MA61RC8H2N",
      agent_name: "张晓明",
      agent_id_number: "510104199003071237",
      assurance_level: "L2",
    },
    amr: ["pwd"],
  },
  staff("s-wangjianguo", "王建国", "caseworker@example.cn", ["pwd", "otp", "mfa"]),
  staff("s-liuyang", "刘洋", "editor@example.cn", ["pwd"]),
  staff(
    "s-qianjin",
    "钱进",
    "qianjin@gov.example.cn",
    ["pwd", "otp", "mfa"],
    "a civil servant the portal's administrator never registered",
  ),
];
