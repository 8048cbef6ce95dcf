import { describe, expect, it } from "vitest";
import {
  answersFromFormData,
  rememberedFieldSchemas,
  schemaOfField,
  translateErrorCode,
  validateAnswers,
} from "./answers";
import type { TFormField } from "./form-definition";
import type { TFormDefinition } from "./form-definition";

const l = (zh: string) => ({ zh, en: zh });
const form: TFormDefinition = {
  steps: [
    {
      id: "applicant",
      title: l("申请人"),
      fields: [
        { name: "fullName", type: "text", label: l("姓名"), required: true, maxLength: 5 },
        { name: "idNumber", type: "idCard", label: l("身份证号"), required: true },
        { name: "mobile", type: "mobile", label: l("手机"), required: true },
        { name: "email", type: "email", label: l("邮箱"), required: false },
        { name: "creditCode", type: "creditCode", label: l("信用代码"), required: false },
      ],
    },
    {
      id: "details",
      title: l("详情"),
      fields: [
        { name: "people", type: "number", label: l("人数"), required: true, min: 1, max: 10 },
        { name: "start", type: "date", label: l("日期"), required: true },
        {
          name: "kind",
          type: "radio",
          label: l("类型"),
          required: true,
          options: [
            { value: "a", label: l("甲") },
            { value: "b", label: l("乙") },
          ],
        },
        {
          name: "spouse",
          type: "text",
          label: l("配偶"),
          required: true,
          showIf: { field: "kind", equals: "b" },
        },
        {
          name: "tags",
          type: "checkbox",
          label: l("标签"),
          required: true,
          options: [
            { value: "x", label: l("X") },
            { value: "y", label: l("Y") },
          ],
        },
        { name: "note", type: "textarea", label: l("备注"), required: false },
        {
          name: "copy",
          type: "file",
          label: l("附件"),
          required: true,
          materialId: "m",
          accept: ["application/pdf"],
          maxSizeMb: 10,
        },
      ],
    },
  ],
};

const good = {
  fullName: " 张三 ",
  idNumber: "11010519491231002x",
  mobile: "13800138000",
  email: "",
  creditCode: "",
  people: "3",
  start: "2026-11-26",
  kind: "a",
  spouse: "should be dropped",
  tags: ["x"],
  note: "",
  copy: "clx0abcdef12345678",
};

describe("validateAnswers", () => {
  it("accepts good answers, normalises them and drops hidden or empty fields", () => {
    const result = validateAnswers(form, good);
    expect(result).toEqual({
      ok: true,
      answers: {
        fullName: "张三",
        idNumber: "11010519491231002X",
        mobile: "13800138000",
        people: "3",
        start: "2026-11-26",
        kind: "a",
        tags: ["x"],
        copy: "clx0abcdef12345678",
      },
    });
  });

  it("reports every kind of bad input with its own code", () => {
    const result = validateAnswers(form, {
      fullName: "张三李四王五",
      idNumber: "110105194912310021",
      mobile: "1380013800",
      email: "not-mail",
      creditCode: "91350100M000100Y44",
      people: "11",
      start: "2026-02-30",
      kind: "c",
      tags: [],
      copy: "",
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        fullName: "tooLongMax|5",
        idNumber: "idCardInvalid",
        mobile: "mobileInvalid",
        email: "email",
        creditCode: "creditCodeInvalid",
        people: "numberMax|10",
        start: "dateFormat",
        kind: "choose",
        tags: "chooseAtLeastOne",
        copy: "fileRequired",
      },
    });
  });

  it("requires missing fields, and a field shown by its condition", () => {
    const result = validateAnswers(form, { kind: "b" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors).toMatchObject({
        fullName: "required",
        idNumber: "required",
        people: "required",
        spouse: "required",
      });
    }
  });

  it("validates one step at a time", () => {
    expect(validateAnswers(form, good, ["applicant"])).toMatchObject({ ok: true });
    expect(validateAnswers(form, { ...good, people: "0" }, ["details"])).toEqual({
      ok: false,
      fieldErrors: { people: "numberMin|1" },
    });
    expect(validateAnswers(form, { ...good, people: "two" }, ["details"])).toEqual({
      ok: false,
      fieldErrors: { people: "numberFormat" },
    });
  });

  it("reads checkbox lists from FormData", () => {
    const data = new FormData();
    data.append("tags", "x");
    data.append("tags", "y");
    data.append("fullName", "李四");
    expect(answersFromFormData(form, data)).toMatchObject({ tags: ["x", "y"], fullName: "李四" });
  });

  it("translates codes with their limits", () => {
    const t = (key: string, options?: Record<string, unknown>) => `${key}:${JSON.stringify(options ?? {})}`;
    expect(translateErrorCode(t, "tooLongMax|5")).toBe('errors:tooLongMax:{"limit":5}');
    expect(translateErrorCode(t, "required")).toBe("errors:required:{}");
  });
});

describe("schemaOfField", () => {
  const field = form.steps[1].fields[0];

  it("builds a field's schema once, whoever holds a copy of its definition", () => {
    expect(schemaOfField(structuredClone(field))).toBe(schemaOfField(field));
    // a changed limit is another field, with a schema of its own
    const wider = { ...field, max: 20 } as TFormField;
    expect(schemaOfField(wider)).not.toBe(schemaOfField(field));
    expect(schemaOfField(wider).safeParse("15").success).toBe(true);
    expect(schemaOfField(field).safeParse("15").success).toBe(false);
  });

  it("answers every validation the same the second time, from the kept schemas", () => {
    for (let round = 0; round < 2; round++) {
      expect(validateAnswers(form, good)).toMatchObject({
        ok: true,
        answers: { fullName: "张三", people: "3" },
      });
      expect(validateAnswers(form, { ...good, fullName: "张三李四王五", people: "11", tags: [] })).toEqual({
        ok: false,
        fieldErrors: { fullName: "tooLongMax|5", people: "numberMax|10", tags: "chooseAtLeastOne" },
      });
    }
  });

  it("keeps at most rememberedFieldSchemas, then starts again", () => {
    const kept = schemaOfField(field);
    for (let i = 0; i < rememberedFieldSchemas; i++) schemaOfField({ ...field, name: `f${i}` } as TFormField);
    expect(schemaOfField(field)).not.toBe(kept);
    expect(schemaOfField(field).safeParse("3").success).toBe(true);
  });
});
