/** Life-event themes (DOMAIN.md); labels live in locales/<lng>/catalog.json under theme.<code>. */
export const personThemes = [
  "birth-adoption", // 生育收养
  "household", // 户籍办理
  "education", // 教育科研
  "employment", // 就业创业
  "marriage", // 婚姻登记
  "social-security", // 社会保障
  "housing", // 住房保障
  "health", // 医疗卫生
  "transport", // 交通出行
  "certificates", // 证件办理
  "veterans", // 优待抚恤
  "retirement", // 离职退休
  "funeral", // 死亡殡葬
  "other", // 其他
] as const;

export const legalPersonThemes = [
  "establishment", // 设立变更
  "permits", // 准营准办
  "qualification", // 资质认证
  "annual-inspection", // 年检年审
  "tax-finance", // 税收财务
  "human-resources", // 人力资源
  "org-social-security", // 社会保障
  "investment", // 投资审批
  "ip", // 知识产权
  "work-safety", // 安全生产
  "deregistration", // 法人注销
  "org-other", // 其他
] as const;

export type TTheme = (typeof personThemes)[number] | (typeof legalPersonThemes)[number];
export const allThemes: readonly TTheme[] = [...personThemes, ...legalPersonThemes];
