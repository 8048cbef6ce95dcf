import { describe, expect, it } from "vitest";
import { demoIdentities } from "@/scripts/oidc/identities";
import { identityFromClaims } from "./signOnClaims";

// the demo platform's real-name person, with the address in capitals as a platform may send it
const demoPerson = demoIdentities.find((identity) => identity.sub === "p-zhangxiaoming")!;
const person = { sub: "p-1", ...demoPerson.claims, email: "Citizen@Example.cn", amr: demoPerson.amr };

describe("the identity platform's claims", () => {
  it("keep a checked person's real name, number, address and mobile", () => {
    expect(identityFromClaims(person)).toMatchObject({
      subject: "p-1",
      name: "张晓明",
      email: "citizen@example.cn",
      mobile: "13800280001",
      accountType: "PERSON",
      idNumber: "510104199003071237",
      realName: true,
      multiFactor: false,
    });
  });
  it("are not a real name below L2, with a wrong check digit, or unverified contact details", () => {
    expect(identityFromClaims({ ...person, assurance_level: "L1" })?.realName).toBe(false);
    const wrongDigit = identityFromClaims({ ...person, id_number: "510104199003071238" });
    expect(wrongDigit).toMatchObject({ idNumber: null, realName: false });
    expect(
      identityFromClaims({ ...person, email_verified: false, phone_number_verified: false }),
    ).toMatchObject({
      email: null,
      mobile: null,
    });
  });
  it("carry an organisation's credit code and its agent", () => {
    const org = identityFromClaims({
      sub: "o-1",
      name: "成都蓉城科技有限公司",
      account_type: "organisation",
      credit_code: "91510100MA61RC8H2N",
      agent_name: "张晓明",
      agent_id_number: "510104199003071237",
      assurance_level: "L2",
    });
    expect(org).toMatchObject({
      accountType: "ORGANISATION",
      idNumber: "91510100MA61RC8H2N",
      agentName: "张晓明",
      agentIdNumber: "510104199003071237",
      realName: true,
    });
  });
  it("say multi-factor only when the platform's amr says so, and refuse malformed claims", () => {
    expect(identityFromClaims({ sub: "s-1", amr: ["pwd", "otp"] })?.multiFactor).toBe(true);
    expect(identityFromClaims({ sub: "s-1", amr: ["pwd"] })?.multiFactor).toBe(false);
    expect(identityFromClaims({ sub: "" })).toBeNull();
    expect(identityFromClaims({ sub: "x", account_type: "robot" })).toBeNull();
  });
});
