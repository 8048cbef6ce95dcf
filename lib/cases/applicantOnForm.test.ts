import { describe, expect, it } from "vitest";
import { applicantOnForm } from "./applicantOnForm";

describe("applicantOnForm", () => {
  it("names the person or organisation on the form, else the account", () => {
    expect(applicantOnForm({ fullName: " 李四 ", idNumber: "x" }, "张三")).toBe("李四");
    expect(applicantOnForm({ enterpriseName: "成都某某科技有限公司" }, "张三")).toBe("成都某某科技有限公司");
    expect(applicantOnForm({ fullName: ["王五"] }, "张三")).toBe("王五");
    expect(applicantOnForm({ fullName: "  " }, "张三")).toBe("张三");
    expect(applicantOnForm(null, "张三")).toBe("张三");
    expect(applicantOnForm(["fullName"], "张三")).toBe("张三");
  });
});
