/** 体裁 (document type); labels in locales/<lng>/catalog.json under docType.<code>. */
export const docTypes = [
  "plan", // 规划计划
  "notice", // 通知
  "announcement", // 公告
  "opinion", // 意见
  "measures", // 办法
  "regulation", // 规定
  "report", // 报告
  "decision", // 决定
  "reply", // 批复
  "interpretation", // 政策解读
  "other", // 其他
] as const;
