import "server-only";
import { createPdfDocument } from "../pdf/pdfDocument";
import type { TGuideFileKind } from "./guideFiles";

const page = { width: 595.28, margin: 56 };
const contentWidth = page.width - page.margin * 2;
const labelWidth = 130;

type TRow = { label: string; sample: string; height?: number };

// the particulars every blank form of the demo guides asks for; a sample fills them in
const formRows: TRow[] = [
  { label: "姓名", sample: "张晓明" },
  { label: "公民身份号码", sample: "510104199003071237" },
  { label: "联系电话", sample: "13800280001" },
  { label: "住址", sample: "成都市锦江区春熙路街道某某小区 1 栋 1 单元 101 号" },
  { label: "申请事项", sample: "" },
  { label: "情况说明", sample: "本人承诺所填信息真实、准确，如有不实愿承担相应法律责任。", height: 120 },
  { label: "申请人（签名）", sample: "张晓明" },
  { label: "日期", sample: "2026年12月1日" },
];

/**
 * A guide's downloadable file as a one-page A4 PDF: a blank form (空白表格) with the boxes to
 * fill in, its filled sample (样表, marked as a sample across the page), or the sample of the
 * result document (样本). The seed stores these (scripts/make-guide-files.ts writes them);
 * a department replaces them with its own.
 */
export async function renderGuideFilePdf(input: {
  kind: TGuideFileKind;
  title: string;
  serviceName: string;
  departmentName: string;
}): Promise<Uint8Array<ArrayBuffer>> {
  const { doc, finish } = createPdfDocument({
    locale: "zh-Hans",
    margin: page.margin,
    info: {
      Title: input.title,
      Author: input.departmentName,
      Subject: input.serviceName,
      // a fixed date: the same file every time it is generated
      CreationDate: new Date("2026-01-01T00:00:00Z"),
    },
  });
  const sample = input.kind !== "BLANK_FORM";
  if (sample) {
    doc.save();
    doc.rotate(-30, { origin: [page.width / 2, 420] });
    doc.font("heading").fontSize(120).fillColor("#e6e6e6");
    doc.text(input.kind === "RESULT_SAMPLE" ? "样本" : "样表", 0, 360, {
      width: page.width,
      align: "center",
    });
    doc.restore();
  }
  doc.font("body").fontSize(11).fillColor("#444444");
  doc.text(input.departmentName, page.margin, page.margin, { width: contentWidth, align: "center" });
  doc.moveDown(0.6);
  doc
    .font("heading")
    .fontSize(20)
    .fillColor("#000000")
    .text(input.title, { width: contentWidth, align: "center" });
  doc.moveDown(0.4);
  doc.font("body").fontSize(11).text(`事项：${input.serviceName}`, { width: contentWidth, align: "center" });
  doc.moveDown(1);

  const rows: TRow[] =
    input.kind === "RESULT_SAMPLE"
      ? [
          { label: "持证人", sample: "张晓明" },
          { label: "公民身份号码", sample: "510104199003071237" },
          { label: "证书编号", sample: "SV20261201000001" },
          { label: "登记事项", sample: input.serviceName },
          { label: "发证机关", sample: input.departmentName },
          { label: "发证日期", sample: "2026年12月1日" },
        ]
      : formRows.map((row) => (row.label === "申请事项" ? { ...row, sample: input.serviceName } : row));
  let y = doc.y;
  for (const row of rows) {
    const height = row.height ?? 32;
    doc.lineWidth(0.8).strokeColor("#000000");
    doc.rect(page.margin, y, labelWidth, height).stroke();
    doc.rect(page.margin + labelWidth, y, contentWidth - labelWidth, height).stroke();
    doc.font("heading").fontSize(11).fillColor("#000000");
    doc.text(row.label, page.margin + 8, y + 10, { width: labelWidth - 16 });
    const value =
      sample || input.kind === "RESULT_SAMPLE"
        ? row.sample
        : row.label === "日期"
          ? "    年    月    日"
          : "";
    if (value) {
      doc
        .font("body")
        .fontSize(11)
        .fillColor(sample ? "#0b4f9c" : "#000000");
      doc.text(value, page.margin + labelWidth + 8, y + 10, { width: contentWidth - labelWidth - 16 });
    }
    y += height;
  }
  doc.font("body").fontSize(9).fillColor("#444444");
  doc.text(
    sample
      ? "本文件为填写样例，仅供参考，不作为办理凭证。"
      : "请用黑色墨水笔填写，字迹清楚；也可在线填报，无需打印。",
    page.margin,
    y + 16,
    { width: contentWidth },
  );
  return finish();
}
